import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LoginRequest, MeDto } from '@factdesk/domain';
import { api, ApiRequestError } from '../../api/client';

export const meKey = ['me'] as const;

/** The signed-in user, or null when nobody is signed in. */
export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: async () => {
      try {
        return await api<MeDto>('/me');
      } catch (err) {
        if (err instanceof ApiRequestError && err.status === 401) return null;
        throw err;
      }
    },
    staleTime: 60_000,
  });
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginRequest) => api<MeDto>('/auth/login', { method: 'POST', body }),
    onSuccess: (me) => client.setQueryData(meKey, me),
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('/auth/logout', { method: 'POST' }),
    onSuccess: () => {
      // Forget everything the signed-in user saw; mounted observers of `me` then see null and leave.
      client.setQueryData(meKey, null);
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== meKey[0] });
    },
  });
}
