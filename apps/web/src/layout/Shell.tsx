import { Suspense, type ReactNode } from 'react';
import { AppShell, Badge, Burger, Button, Group, NavLink, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconChecklist,
  IconFileText,
  IconGauge,
  IconInbox,
  IconNews,
  IconRss,
  IconUsers,
  IconSettings,
  IconSun,
} from '@tabler/icons-react';
import { FACT_CHECKS_PATH, roleAllowed, type Role } from '@factdesk/domain';
import { NavLink as RouterNavLink, Outlet, useLocation } from 'react-router';
import { LoadingRows } from '../components/common';
import { useLogout, useMe } from '../features/auth/queries';
import { NotificationsMenu } from '../features/notifications/NotificationsMenu';
import { useServerEvents } from '../lib/events';
import { ROLE_LABELS } from '../lib/format';

interface NavItem {
  to: string;
  label: string;
  icon: ReactNode;
  roles: Role[];
}

// Only what the role may do is offered; the API enforces the same rules on every route.
const NAV: NavItem[] = [
  { to: '/', label: 'Dashboard', icon: <IconGauge size={18} />, roles: ['reviewer', 'editor'] },
  { to: '/today', label: 'Today', icon: <IconSun size={18} />, roles: ['editor'] },
  { to: '/claims', label: 'Claims', icon: <IconInbox size={18} />, roles: ['reviewer', 'editor'] },
  { to: '/documents', label: 'Documents', icon: <IconFileText size={18} />, roles: ['reviewer', 'editor'] },
  { to: '/sources', label: 'Sources', icon: <IconRss size={18} />, roles: ['editor'] },
  { to: '/speakers', label: 'Speakers', icon: <IconUsers size={18} />, roles: ['editor'] },
  { to: '/review', label: 'Review queue', icon: <IconChecklist size={18} />, roles: ['editor'] },
  { to: '/published', label: 'Published', icon: <IconNews size={18} />, roles: ['editor'] },
  { to: '/admin', label: 'Admin', icon: <IconSettings size={18} />, roles: ['admin'] },
];

const ROLE_COLOURS: Record<Role, string> = { admin: 'red', editor: 'blue', reviewer: 'green' };

/** The signed-in frame: navigation for the role, notifications, who you are and sign-out. */
export function Shell() {
  const { data: me } = useMe();
  const logout = useLogout();
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  useServerEvents();
  if (!me) return null;
  const items = NAV.filter((n) => roleAllowed(me.user.role, n.roles));
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <AppShell.Header className="topbar">
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <Text className="brand" component="span">
              Factdesk
            </Text>
          </Group>
          <Group gap="md" wrap="nowrap">
            <NotificationsMenu />
            <Group gap="sm" wrap="nowrap" data-testid="who">
              <Text size="sm" fw={500} visibleFrom="xs">
                {me.user.name}
              </Text>
              <Badge color={ROLE_COLOURS[me.user.role]} variant="light" data-testid="role">
                {ROLE_LABELS[me.user.role]}
              </Badge>
              <Button variant="subtle" size="compact-sm" onClick={() => logout.mutate()} disabled={logout.isPending}>
                Sign out
              </Button>
            </Group>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main">
        {items.map((item) => (
          <NavLink
            key={item.to}
            component={RouterNavLink}
            to={item.to}
            end={item.to === '/'}
            label={item.label}
            leftSection={item.icon}
            active={item.to === '/' ? location.pathname === '/' : location.pathname.startsWith(item.to)}
            onClick={close}
            className="nav-link"
          />
        ))}
        <div className="nav-footer">
          <a href={FACT_CHECKS_PATH} target="_blank" rel="noopener">
            Public site
          </a>
          <a href="/feed.json" target="_blank" rel="noopener">
            Feed
          </a>
        </div>
      </AppShell.Navbar>
      <AppShell.Main className="main">
        <Suspense fallback={<LoadingRows rows={6} />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
