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
