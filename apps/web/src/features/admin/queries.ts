import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ApiTokenDto,
  IssuedApiTokenDto,
  RatingDto,
  Role,
  SitePageDto,
  UserDto,
  WebhookDeliveryDto,
  WebhookDto,
  WebhookWithSecretDto,
} from '@factdesk/domain';
import { api } from '../../api/client';

export const useUsers = () => useQuery({ queryKey: ['users'], queryFn: () => api<UserDto[]>('/users') });
export const useTokens = () => useQuery({ queryKey: ['api-tokens'], queryFn: () => api<ApiTokenDto[]>('/api-tokens') });
export const useSitePages = () =>
  useQuery({ queryKey: ['site-pages'], queryFn: () => api<SitePageDto[]>('/site-pages') });

function useAdminMutation<TInput, TResult>(keys: string[], fn: (input: TInput) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => Promise.all(keys.map((k) => client.invalidateQueries({ queryKey: [k] }))),
  });
}

export const useCreateUser = () =>
  useAdminMutation(['users', 'workload'], (body: { email: string; name: string; role: Role; password: string }) =>
    api<UserDto>('/users', { method: 'POST', body }),
  );
export const useUpdateUser = () =>
  useAdminMutation(
    ['users', 'workload'],
    ({ id, ...body }: { id: string; role?: Role; active?: boolean; name?: string; password?: string }) =>
      api<UserDto>(`/users/${id}`, { method: 'PATCH', body }),
  );

export const useIssueToken = () =>
  useAdminMutation(['api-tokens'], (body: { name: string; userId?: string; expiresInDays?: number }) =>
    api<IssuedApiTokenDto>('/api-tokens', { method: 'POST', body }),
  );
export const useRevokeToken = () =>
  useAdminMutation(['api-tokens'], (id: string) => api<void>(`/api-tokens/${id}`, { method: 'DELETE' }));

export type RatingFields = Pick<RatingDto, 'label' | 'description' | 'value' | 'colour' | 'position' | 'active'>;
export const useCreateRating = () =>
  useAdminMutation(['ratings'], (body: RatingFields & { slug: string }) =>
    api<RatingDto>('/ratings', { method: 'POST', body }),
  );
export const useUpdateRating = () =>
  useAdminMutation(['ratings'], ({ id, ...body }: Partial<RatingFields> & { id: string }) =>
    api<RatingDto>(`/ratings/${id}`, { method: 'PATCH', body }),
  );

export const useSaveSitePage = () =>
  useAdminMutation(['site-pages'], ({ key, ...body }: { key: string; title: string; body: string }) =>
    api<SitePageDto>(`/site-pages/${key}`, { method: 'PUT', body }),
  );

export const useWebhooks = () => useQuery({ queryKey: ['webhooks'], queryFn: () => api<WebhookDto[]>('/webhooks') });
export const useDeliveries = (id: string) =>
  useQuery({
    queryKey: ['webhooks', id, 'deliveries'],
    queryFn: () => api<WebhookDeliveryDto[]>(`/webhooks/${id}/deliveries?limit=20`),
  });
export const useCreateWebhook = () =>
  useAdminMutation(['webhooks'], (body: { url: string; description?: string; events: string[] }) =>
    api<WebhookWithSecretDto>('/webhooks', { method: 'POST', body }),
  );
export const useUpdateWebhook = () =>
  useAdminMutation(['webhooks'], ({ id, ...body }: { id: string; enabled?: boolean; events?: string[] }) =>
    api<WebhookDto>(`/webhooks/${id}`, { method: 'PATCH', body }),
  );
export const useRotateWebhook = () =>
  useAdminMutation(['webhooks'], (id: string) =>
    api<WebhookWithSecretDto>(`/webhooks/${id}/rotate-secret`, { method: 'POST' }),
  );
export const useDeleteWebhook = () =>
  useAdminMutation(['webhooks'], (id: string) => api<void>(`/webhooks/${id}`, { method: 'DELETE' }));
