import { useState, type FormEvent } from 'react';
import { Badge, Button, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ApiTokenDto } from '@factdesk/domain';
import { EmptyState, ErrorAlert } from '../../components/common';
import { ConfirmModal } from '../../components/ConfirmModal';
import { DataTable } from '../../components/DataTable';
import { ShownOnce } from '../../components/ShownOnce';
import { formatDateTime, ROLE_LABELS } from '../../lib/format';
import { useIssueToken, useRevokeToken, useTokens, useUsers } from './queries';

/** API tokens for integrations: issue one (shown once), see when each was used, revoke. */
export function TokensTab() {
  const tokens = useTokens();
  const users = useUsers();
  const issue = useIssueToken();
  const revoke = useRevokeToken();
  const [revoking, setRevoking] = useState<ApiTokenDto | null>(null);
  const [name, setName] = useState('');
  const [userId, setUserId] = useState<string | null>(null);
  const [days, setDays] = useState<string | number>(365);
  const userName = (id: string) => users.data?.find((u) => u.id === id)?.name ?? id;
  return (
    <Stack>
      <ConfirmModal
        opened={revoking !== null}
        title={`Revoke “${revoking?.name ?? ''}”?`}
        confirmLabel="Revoke token"
        onClose={() => setRevoking(null)}
        pending={revoke.isPending}
        error={revoke.error}
        onConfirm={() =>
          revoke.mutate(revoking!.id, {
            onSuccess: () => {
              notifications.show({ color: 'green', message: `Token “${revoking!.name}” revoked.` });
              setRevoking(null);
            },
          })
        }
      >
        Anything signing in with this token stops working at once. This cannot be undone: a new token has to be issued
        and installed.
      </ConfirmModal>
      {issue.data && <ShownOnce what="token" value={issue.data.token} testId="issued-token" />}
      <DataTable
        rows={tokens.data ?? []}
        loading={tokens.isPending}
        rowKey={(t) => t.id}
        empty={
          <EmptyState title="No API tokens">Integrations (a CMS, a monitoring script) sign in with a token.</EmptyState>
        }
        columns={[
          { key: 'name', header: 'Name', cell: (t) => t.name },
          { key: 'user', header: 'Acts as', cell: (t) => userName(t.userId) },
          { key: 'used', header: 'Last used', cell: (t) => formatDateTime(t.lastUsedAt) },
          { key: 'expires', header: 'Expires', cell: (t) => formatDateTime(t.expiresAt) },
          {
            key: 'revoke',
            label: 'Actions',
            cell: (t) =>
              t.revokedAt ? (
                <Badge color="gray" variant="light">
                  revoked
                </Badge>
              ) : (
                <Button size="compact-xs" variant="light" color="red" onClick={() => (revoke.reset(), setRevoking(t))}>
                  Revoke
                </Button>
              ),
          },
        ]}
      />
      <Paper
        withBorder
        p="md"
        radius="md"
        component="form"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          issue.mutate(
            { name, userId: userId ?? undefined, expiresInDays: typeof days === 'number' ? days : undefined },
            { onSuccess: () => setName('') },
          );
        }}
      >
        <Text fw={600} mb="sm">
          Issue a token
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label="Name"
            placeholder="CMS integration"
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          <Select
            label="Acts as"
            placeholder="Me"
            data={(users.data ?? []).map((u) => ({ value: u.id, label: `${u.name} (${ROLE_LABELS[u.role]})` }))}
            value={userId}
            onChange={setUserId}
            clearable
          />
          <NumberInput label="Expires after (days)" min={1} max={3650} value={days} onChange={setDays} />
        </SimpleGrid>
        {(issue.error || revoke.error) && <ErrorAlert error={issue.error ?? revoke.error} />}
        <Group justify="flex-end" mt="sm">
          <Button type="submit" loading={issue.isPending}>
            Issue token
          </Button>
        </Group>
      </Paper>
    </Stack>
  );
}
