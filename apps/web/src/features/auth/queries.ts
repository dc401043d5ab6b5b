import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LoginRequest, MeDto } from '@factdesk/domain';
import { api } from '../../api/client';

export const meKey = ['me'] as const;

/** The signed-in user, or null when nobody is signed in. */
export function useMe() {
  return useQuery({
    queryKey: meKey,
    // The API answers null when nobody is signed in: not an error, so the console stays clean.
    queryFn: () => api<MeDto | null>('/me'),
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
