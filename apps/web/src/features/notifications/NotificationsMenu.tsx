import { ActionIcon, Button, Group, Indicator, Popover, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { fromNow } from '../../lib/format';
import { useMarkRead, useNotifications } from './queries';

export function NotificationsMenu() {
  const { data } = useNotifications();
  const markRead = useMarkRead();
  const navigate = useNavigate();
  const unread = data?.unread ?? 0;
  return (
    <Popover width={360} position="bottom-end" shadow="md" withArrow>
      <Popover.Target>
        {/* The button is the popover's target (it gets aria-expanded); the unread dot sits inside it. */}
        <ActionIcon
          variant="subtle"
          color="gray"
          size="lg"
          aria-label={unread ? `Notifications, ${unread} unread` : 'Notifications'}
        >
          <Indicator label={unread} size={16} disabled={unread === 0} color="red" offset={2}>
            <IconBell size={20} />
          </Indicator>
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown p={0}>
        <Group justify="space-between" px="md" py="xs" className="popover-head">
          <Text fw={600} size="sm">
            Notifications
          </Text>
          <Button size="compact-xs" variant="subtle" disabled={unread === 0} onClick={() => markRead.mutate(undefined)}>
            Mark all read
          </Button>
        </Group>
        <ScrollArea.Autosize mah={380}>
          {!data?.items.length ? (
            <Text c="dimmed" size="sm" p="md">
              Nothing yet. You will hear here when work is assigned to you, submitted or sent back.
            </Text>
          ) : (
            <Stack gap={0}>
              {data.items.map((n) => (
                <UnstyledButton
                  key={n.id}
                  className={`notification ${n.readAt ? '' : 'unread'}`}
                  onClick={() => {
                    if (!n.readAt) markRead.mutate([n.id]);
                    if (n.claimId) void navigate(`/claims/${n.claimId}`);
                  }}
                >
                  <Text size="sm">{n.message}</Text>
                  <Text size="xs" c="dimmed">
                    {n.actor ? `${n.actor.name} · ` : ''}
                    {fromNow(n.createdAt)}
                  </Text>
                </UnstyledButton>
              ))}
            </Stack>
          )}
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}
