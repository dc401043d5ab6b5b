import { useState, type FormEvent } from 'react';
import { Button, Group, Paper, Select, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ROLES, type Role, type UserDto } from '@factdesk/domain';
import { ErrorAlert } from '../../components/common';
import { ConfirmModal } from '../../components/ConfirmModal';
import { DataTable } from '../../components/DataTable';
import { formatDateTime, ROLE_LABELS } from '../../lib/format';
import { useMe } from '../auth/queries';
import { useCreateUser, useUpdateUser, useUsers } from './queries';

const roleOptions = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

/** People who may sign in, their roles, and a form to add one. */
export function UsersTab() {
  const { data: me } = useMe();
  const users = useUsers();
  const create = useCreateUser();
  const update = useUpdateUser();
  const [form, setForm] = useState({ name: '', email: '', role: 'reviewer' as Role, password: '' });
  const [deactivating, setDeactivating] = useState<UserDto | null>(null);
  const change = (u: UserDto, body: { role?: Role; active?: boolean }, message: string, then?: () => void) =>
    update.mutate(
      { id: u.id, ...body },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message });
          then?.();
        },
      },
    );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(form, {
      onSuccess: (u) => (
        notifications.show({ color: 'green', message: `${u.name} can now sign in.` }),
        setForm({ name: '', email: '', role: 'reviewer', password: '' })
      ),
    });
  };
  return (
    <Stack>
      <ConfirmModal
        opened={deactivating !== null}
        title={`Deactivate ${deactivating?.name ?? ''}?`}
        confirmLabel="Deactivate"
        onClose={() => setDeactivating(null)}
        pending={update.isPending}
        error={update.error}
        onConfirm={() =>
          change(deactivating!, { active: false }, `${deactivating!.name} can no longer sign in.`, () =>
            setDeactivating(null),
          )
        }
      >
        They are signed out everywhere at once and their API tokens stop working. Their work, assignments and history
        stay; you can reactivate them later.
      </ConfirmModal>
      {update.error && !deactivating && <ErrorAlert error={update.error} />}
      <DataTable
        rows={users.data ?? []}
        loading={users.isPending}
        rowKey={(u) => u.id}
        minWidth={640}
        columns={[
          {
            key: 'name',
            header: 'Name',
            cell: (u) => (
              <>
                <Text size="sm" fw={500}>
                  {u.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {u.email}
                </Text>
              </>
            ),
          },
          {
            key: 'role',
            header: 'Role',
            cell: (u) => (
              <Select
                size="xs"
                w={150}
                aria-label={`Role of ${u.name}`}
                data={roleOptions}
                value={u.role}
                allowDeselect={false}
                disabled={u.id === me?.user.id}
                onChange={(role) =>
                  role && change(u, { role: role as Role }, `${u.name}’s role is now ${ROLE_LABELS[role as Role]}.`)
                }
              />
            ),
          },
          {
            key: 'active',
            header: 'Active',
            cell: (u) => (
              <Switch
                aria-label={`${u.name} may sign in`}
                checked={u.active}
                disabled={u.id === me?.user.id}
                onChange={(e) =>
                  e.currentTarget.checked
                    ? change(u, { active: true }, `${u.name} can sign in again.`)
                    : setDeactivating(u)
                }
              />
            ),
          },
          { key: 'login', header: 'Last sign-in', cell: (u) => <Text size="sm">{formatDateTime(u.lastLoginAt)}</Text> },
        ]}
      />
      <Paper withBorder p="md" radius="md" component="form" onSubmit={submit}>
        <Text fw={600} mb="sm">
          Add a person
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
          <TextInput
            label="Name"
            required
            value={form.name}
            onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
          />
          <TextInput
            label="Email"
            type="email"
            required
            value={form.email}
            onChange={(e) => setForm({ ...form, email: e.currentTarget.value })}
          />
          <Select
            label="Role"
            data={roleOptions}
            value={form.role}
            allowDeselect={false}
            onChange={(r) => r && setForm({ ...form, role: r as Role })}
          />
          <TextInput
            label="Initial password"
            type="password"
            required
            autoComplete="new-password"
            value={form.password}
            onChange={(e) => setForm({ ...form, password: e.currentTarget.value })}
          />
        </SimpleGrid>
        {create.error && <ErrorAlert error={create.error} title="Not added" />}
        <Group justify="flex-end" mt="sm">
          <Button type="submit" loading={create.isPending}>
            Add person
          </Button>
        </Group>
      </Paper>
    </Stack>
  );
}
