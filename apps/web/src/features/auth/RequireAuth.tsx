import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useMe } from './queries';

/** Renders its children for signed-in users; sends everyone else to the sign-in page. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <p className="loading" aria-busy="true">Loading…</p>;
  if (me.isError) return <p role="alert" className="error">{me.error.message}</p>;
  if (!me.data) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  return <>{children}</>;
}
