import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiTokenDto, IssuedApiTokenDto, RatingDto, Role, UserDto } from '@factdesk/domain';
import { api } from '../../api/client';

export interface SitePage {
  key: string;
  path: string;
  title: string;
  body: string;
  updatedAt: string | null;
  edited: boolean;
}

export const useUsers = () => useQuery({ queryKey: ['users'], queryFn: () => api<UserDto[]>('/users') });
export const useTokens = () => useQuery({ queryKey: ['api-tokens'], queryFn: () => api<ApiTokenDto[]>('/api-tokens') });
export const useSitePages = () => useQuery({ queryKey: ['site-pages'], queryFn: () => api<SitePage[]>('/site-pages') });

function useAdminMutation<TInput, TResult>(keys: string[], fn: (input: TInput) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => Promise.all(keys.map((k) => client.invalidateQueries({ queryKey: [k] }))) });
}

export const useCreateUser = () => useAdminMutation(['users', 'workload'], (body: { email: string; name: string; role: Role; password: string }) => api<UserDto>('/users', { method: 'POST', body }));
export const useUpdateUser = () =>
  useAdminMutation(['users', 'workload'], ({ id, ...body }: { id: string; role?: Role; active?: boolean; name?: string; password?: string }) => api<UserDto>(`/users/${id}`, { method: 'PATCH', body }));

export const useIssueToken = () => useAdminMutation(['api-tokens'], (body: { name: string; userId?: string; expiresInDays?: number }) => api<IssuedApiTokenDto>('/api-tokens', { method: 'POST', body }));
export const useRevokeToken = () => useAdminMutation(['api-tokens'], (id: string) => api<void>(`/api-tokens/${id}`, { method: 'DELETE' }));

export type RatingFields = Pick<RatingDto, 'label' | 'description' | 'value' | 'colour' | 'position' | 'active'>;
export const useCreateRating = () => useAdminMutation(['ratings'], (body: RatingFields & { slug: string }) => api<RatingDto>('/ratings', { method: 'POST', body }));
export const useUpdateRating = () => useAdminMutation(['ratings'], ({ id, ...body }: Partial<RatingFields> & { id: string }) => api<RatingDto>(`/ratings/${id}`, { method: 'PATCH', body }));

export const useSaveSitePage = () => useAdminMutation(['site-pages'], ({ key, ...body }: { key: string; title: string; body: string }) => api<SitePage>(`/site-pages/${key}`, { method: 'PUT', body }));

/*
 * Webhook shapes: the API declares them in apps/api/src/webhooks/dto.ts (WebhookView…), not in
 * @factdesk/domain, so they are restated here; the events are @factdesk/publishing's WEBHOOK_EVENTS.
 */
export const WEBHOOK_EVENTS = ['fact_check.published', 'fact_check.corrected', 'fact_check.retracted'] as const;
export type DeliveryState = 'pending' | 'succeeded' | 'failed' | 'cancelled';
export interface Webhook {
  id: string;
  url: string;
  description: string;
  enabled: boolean;
  events: string[];
  createdAt: string;
  deliveries: Record<DeliveryState, number>;
}
export interface WebhookDelivery {
  id: string;
  event: string;
  state: DeliveryState;
  attempts: { at: string; status: number | null; error: string | null; durationMs: number }[];
  createdAt: string;
  completedAt: string | null;
}

export const useWebhooks = () => useQuery({ queryKey: ['webhooks'], queryFn: () => api<Webhook[]>('/webhooks') });
export const useDeliveries = (id: string) => useQuery({ queryKey: ['webhooks', id, 'deliveries'], queryFn: () => api<WebhookDelivery[]>(`/webhooks/${id}/deliveries?limit=20`) });
export const useCreateWebhook = () => useAdminMutation(['webhooks'], (body: { url: string; description?: string; events: string[] }) => api<Webhook & { secret: string }>('/webhooks', { method: 'POST', body }));
export const useUpdateWebhook = () => useAdminMutation(['webhooks'], ({ id, ...body }: { id: string; enabled?: boolean; events?: string[] }) => api<Webhook>(`/webhooks/${id}`, { method: 'PATCH', body }));
export const useRotateWebhook = () => useAdminMutation(['webhooks'], (id: string) => api<Webhook & { secret: string }>(`/webhooks/${id}/rotate-secret`, { method: 'POST' }));
export const useDeleteWebhook = () => useAdminMutation(['webhooks'], (id: string) => api<void>(`/webhooks/${id}`, { method: 'DELETE' }));
