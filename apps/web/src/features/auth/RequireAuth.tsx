import type { ReactNode } from 'react';
import { Center, Loader } from '@mantine/core';
import { roleAllowed, type Role } from '@factdesk/domain';
import { Navigate, useLocation } from 'react-router';
import { EmptyState, ErrorAlert } from '../../components/common';
import { useMe } from './queries';

/** Renders its children for signed-in users; sends everyone else to the sign-in page. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending)
    return (
      <Center h="100vh" aria-busy="true">
        <Loader role="status" aria-label="Loading" />
      </Center>
    );
  if (me.isError) return <ErrorAlert error={me.error} />;
  if (!me.data) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <>{children}</>;
}

/** A screen for one role and up; others get a plain explanation (the API would refuse them anyway). */
export function RequireRole({ role, children }: { role: Role; children: ReactNode }) {
  const { data: me } = useMe();
  if (!me || !roleAllowed(me.user.role, [role]))
    return (
      <EmptyState title="Not for your role">
        This screen is for {role === 'admin' ? 'administrators' : 'editors'}.
      </EmptyState>
    );
  return <>{children}</>;
}
