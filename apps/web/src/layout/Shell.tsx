import { Outlet } from 'react-router';
import { useLogout, useMe } from '../features/auth/queries';

const ROLE_LABELS = { admin: 'Administrator', editor: 'Editor', reviewer: 'Reviewer' } as const;

/** The signed-in frame: who you are, your role, and sign-out. */
export function Shell() {
  const { data: me } = useMe();
  const logout = useLogout();
  if (!me) return null;
  return (
    <div className="shell">
      <header className="topbar">
        <span className="brand">Factdesk</span>
        <div className="who" data-testid="who">
          <span className="name">{me.user.name}</span>
          <span className={`role role-${me.user.role}`} data-testid="role">
            {ROLE_LABELS[me.user.role]}
          </span>
          <button type="button" className="link" onClick={() => logout.mutate()} disabled={logout.isPending}>
            Sign out
          </button>
        </div>
      </header>
      <main className="content">
        <Outlet />
      </main>
    </div>
  );
}

export function Home() {
  const { data: me } = useMe();
  if (!me) return null;
  return (
    <section className="card">
      <h1>Welcome, {me.user.name}</h1>
      <p>
        You are signed in as <strong>{me.user.email}</strong> with the <strong>{ROLE_LABELS[me.user.role]}</strong> role.
      </p>
    </section>
  );
}
