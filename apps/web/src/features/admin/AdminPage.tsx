import { useState, type FormEvent } from 'react';
import { ActionIcon, Alert, Anchor, Badge, Button, Code, ColorInput, CopyButton, Group, Modal, NumberInput, Paper, Select, SimpleGrid, Stack, Switch, Table, Tabs, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil } from '@tabler/icons-react';
import { ROLES, type RatingDto, type Role, type SitePageDto } from '@factdesk/domain';
import { EmptyState, ErrorAlert, LoadingRows, PageHeader } from '../../components/common';
import { formatDateTime, ROLE_LABELS } from '../../lib/format';
import { renderMarkdown } from '../../lib/markdown';
import { useMe } from '../auth/queries';
import { useRatings } from '../claims/queries';
import { Webhooks } from './Webhooks';
import { useCreateRating, useCreateUser, useIssueToken, useRevokeToken, useSaveSitePage, useSitePages, useTokens, useUpdateRating, useUpdateUser, useUsers, type RatingFields } from './queries';

const roleOptions = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

function Users() {
  const { data: me } = useMe();
  const users = useUsers();
  const create = useCreateUser();
  const update = useUpdateUser();
  const [form, setForm] = useState({ name: '', email: '', role: 'reviewer' as Role, password: '' });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(form, { onSuccess: (u) => (notifications.show({ color: 'green', message: `${u.name} can now sign in.` }), setForm({ name: '', email: '', role: 'reviewer', password: '' })) });
  };
  return (
    <Stack>
      {update.error && <ErrorAlert error={update.error} />}
      <Paper withBorder radius="md">
        {users.isPending ? (
          <LoadingRows />
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Role</Table.Th>
                  <Table.Th>Active</Table.Th>
                  <Table.Th>Last sign-in</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {users.data?.map((u) => (
                  <Table.Tr key={u.id}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {u.name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {u.email}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Select size="xs" w={150} aria-label={`Role of ${u.name}`} data={roleOptions} value={u.role} allowDeselect={false} disabled={u.id === me?.user.id} onChange={(role) => role && update.mutate({ id: u.id, role: role as Role })} />
                    </Table.Td>
                    <Table.Td>
                      <Switch aria-label={`${u.name} may sign in`} checked={u.active} disabled={u.id === me?.user.id} onChange={(e) => update.mutate({ id: u.id, active: e.currentTarget.checked })} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatDateTime(u.lastLoginAt)}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      <Paper withBorder p="md" radius="md" component="form" onSubmit={submit}>
        <Text fw={600} mb="sm">
          Add a person
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
          <TextInput label="Name" required value={form.name} onChange={(e) => setForm({ ...form, name: e.currentTarget.value })} />
          <TextInput label="Email" type="email" required value={form.email} onChange={(e) => setForm({ ...form, email: e.currentTarget.value })} />
          <Select label="Role" data={roleOptions} value={form.role} allowDeselect={false} onChange={(r) => r && setForm({ ...form, role: r as Role })} />
          <TextInput label="Initial password" type="password" required autoComplete="new-password" value={form.password} onChange={(e) => setForm({ ...form, password: e.currentTarget.value })} />
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

function Tokens() {
  const tokens = useTokens();
  const users = useUsers();
  const issue = useIssueToken();
  const revoke = useRevokeToken();
  const [name, setName] = useState('');
  const [userId, setUserId] = useState<string | null>(null);
  const [days, setDays] = useState<string | number>(365);
  const userName = (id: string) => users.data?.find((u) => u.id === id)?.name ?? id;
  return (
    <Stack>
      {issue.data && (
        <Alert color="green" title="Copy the token now: it is shown only once">
          <Group gap="xs">
            <Code data-testid="issued-token">{issue.data.token}</Code>
            <CopyButton value={issue.data.token}>{({ copied, copy }) => <Button size="compact-xs" onClick={copy}>{copied ? 'Copied' : 'Copy'}</Button>}</CopyButton>
          </Group>
        </Alert>
      )}
      <Paper withBorder radius="md">
        {tokens.isPending ? (
          <LoadingRows />
        ) : !tokens.data?.length ? (
          <EmptyState title="No API tokens">Integrations (a CMS, a monitoring script) sign in with a token.</EmptyState>
        ) : (
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Acts as</Table.Th>
                <Table.Th>Last used</Table.Th>
                <Table.Th>Expires</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tokens.data.map((t) => (
                <Table.Tr key={t.id}>
                  <Table.Td>{t.name}</Table.Td>
                  <Table.Td>{userName(t.userId)}</Table.Td>
                  <Table.Td>{formatDateTime(t.lastUsedAt)}</Table.Td>
                  <Table.Td>{formatDateTime(t.expiresAt)}</Table.Td>
                  <Table.Td>
                    {t.revokedAt ? (
                      <Badge color="gray" variant="light">
                        revoked
                      </Badge>
                    ) : (
                      <Button size="compact-xs" variant="light" color="red" onClick={() => revoke.mutate(t.id)}>
                        Revoke
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      <Paper
        withBorder
        p="md"
        radius="md"
        component="form"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          issue.mutate({ name, userId: userId ?? undefined, expiresInDays: typeof days === 'number' ? days : undefined }, { onSuccess: () => setName('') });
        }}
      >
        <Text fw={600} mb="sm">
          Issue a token
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label="Name" placeholder="CMS integration" required value={name} onChange={(e) => setName(e.currentTarget.value)} />
          <Select label="Acts as" placeholder="Me" data={(users.data ?? []).map((u) => ({ value: u.id, label: `${u.name} (${ROLE_LABELS[u.role]})` }))} value={userId} onChange={setUserId} clearable />
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

function RatingModal({ rating, onClose, nextPosition }: { rating: RatingDto | null; onClose: () => void; nextPosition: number }) {
  const create = useCreateRating();
  const update = useUpdateRating();
  const [slug, setSlug] = useState('');
  const [f, setF] = useState<RatingFields>(rating ? { label: rating.label, description: rating.description, value: rating.value, colour: rating.colour, position: rating.position, active: rating.active } : { label: '', description: '', value: null, colour: '#868e96', position: nextPosition, active: true });
  const m = rating ? update : create;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const done = { onSuccess: () => (notifications.show({ color: 'green', message: 'Rating scale saved.' }), onClose()) };
    if (rating) update.mutate({ id: rating.id, ...f }, done);
    else create.mutate({ slug, ...f }, done);
  };
  return (
    <Modal opened onClose={onClose} title={rating ? `Edit “${rating.label}”` : 'Add a rating'}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          {!rating && <TextInput label="Slug" description="Lower-case words joined by dashes; used in public URLs" required value={slug} onChange={(e) => setSlug(e.currentTarget.value)} />}
          <TextInput label="Label" required value={f.label} onChange={(e) => setF({ ...f, label: e.currentTarget.value })} />
          <Textarea label="Description" autosize minRows={2} value={f.description} onChange={(e) => setF({ ...f, description: e.currentTarget.value })} />
          <Group grow>
            <NumberInput label="Value" description="ClaimReview ratingValue; empty for off-scale" value={f.value ?? ''} onChange={(v) => setF({ ...f, value: typeof v === 'number' ? v : null })} allowDecimal={false} />
            <NumberInput label="Position" value={f.position} onChange={(v) => setF({ ...f, position: typeof v === 'number' ? v : f.position })} allowDecimal={false} />
          </Group>
          <ColorInput label="Colour" value={f.colour} onChange={(colour) => setF({ ...f, colour })} format="hex" />
          <Switch label="Can be chosen for new verdicts" checked={f.active} onChange={(e) => setF({ ...f, active: e.currentTarget.checked })} />
          {m.error && <ErrorAlert error={m.error} title="Not saved" />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={m.isPending}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function RatingScale() {
  const ratings = useRatings();
  const [editing, setEditing] = useState<RatingDto | 'new' | null>(null);
  const list = [...(ratings.data ?? [])].sort((a, b) => a.position - b.position);
  return (
    <Stack>
      <Paper withBorder radius="md">
        {ratings.isPending ? (
          <LoadingRows />
        ) : (
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={60}>Order</Table.Th>
                <Table.Th>Rating</Table.Th>
                <Table.Th>Description</Table.Th>
                <Table.Th w={70}>Value</Table.Th>
                <Table.Th w={90} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((r) => (
                <Table.Tr key={r.id} className={r.active ? undefined : 'retired'}>
                  <Table.Td>{r.position}</Table.Td>
                  <Table.Td>
                    <Badge color={r.colour} autoContrast radius="sm">
                      {r.label}
                    </Badge>
                    {!r.active && (
                      <Text size="xs" c="dimmed">
                        retired
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{r.description}</Text>
                  </Table.Td>
                  <Table.Td>{r.value ?? '—'}</Table.Td>
                  <Table.Td>
                    <ActionIcon variant="subtle" aria-label={`Edit ${r.label}`} onClick={() => setEditing(r)}>
                      <IconPencil size={16} />
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      <Group justify="flex-end">
        <Button onClick={() => setEditing('new')}>Add a rating</Button>
      </Group>
      {editing && <RatingModal rating={editing === 'new' ? null : editing} onClose={() => setEditing(null)} nextPosition={(list.at(-1)?.position ?? 0) + 1} />}
    </Stack>
  );
}

function SitePageEditor({ page }: { page: SitePageDto }) {
  const save = useSaveSitePage();
  const [title, setTitle] = useState(page.title);
  const [body, setBody] = useState(page.body);
  const [preview, setPreview] = useState(false);
  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" mb="sm">
        <Text fw={600}>{page.title}</Text>
        <Text size="xs" c="dimmed">
          <Anchor href={page.path} target="_blank" rel="noopener" size="xs" underline="always">
            {page.path}
          </Anchor>{' '}
          · {page.edited ? `edited ${formatDateTime(page.updatedAt)}` : 'default text'}
        </Text>
      </Group>
      <Stack gap="sm">
        <TextInput label="Title" value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
        <Switch label="Preview" checked={preview} onChange={(e) => setPreview(e.currentTarget.checked)} />
        {preview ? <div className="markdown" dangerouslySetInnerHTML={{ __html: renderMarkdown(body) }} /> : <Textarea label="Text (Markdown)" autosize minRows={8} maxRows={24} value={body} onChange={(e) => setBody(e.currentTarget.value)} />}
        {save.error && <ErrorAlert error={save.error} title="Not saved" />}
        <Group justify="flex-end">
          <Button loading={save.isPending} disabled={title === page.title && body === page.body} onClick={() => save.mutate({ key: page.key, title, body }, { onSuccess: () => notifications.show({ color: 'green', message: `${title} is live.` }) })}>
            Publish text
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function SitePages() {
  const pages = useSitePages();
  if (pages.error) return <ErrorAlert error={pages.error} />;
  if (pages.isPending) return <LoadingRows />;
  return (
    <Stack>
      {pages.data.map((p) => (
        <SitePageEditor key={p.key} page={p} />
      ))}
    </Stack>
  );
}

export function AdminPage() {
  return (
    <>
      <PageHeader title="Admin" description="People and their roles, integration tokens, the rating scale, the public policy pages and webhooks." />
      <Tabs defaultValue="users" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="users">People and roles</Tabs.Tab>
          <Tabs.Tab value="tokens">API tokens</Tabs.Tab>
          <Tabs.Tab value="ratings">Rating scale</Tabs.Tab>
          <Tabs.Tab value="pages">Methodology and corrections policy</Tabs.Tab>
          <Tabs.Tab value="webhooks">Webhooks</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="users">
          <Users />
        </Tabs.Panel>
        <Tabs.Panel value="tokens">
          <Tokens />
        </Tabs.Panel>
        <Tabs.Panel value="ratings">
          <RatingScale />
        </Tabs.Panel>
        <Tabs.Panel value="pages">
          <SitePages />
        </Tabs.Panel>
        <Tabs.Panel value="webhooks">
          <Webhooks />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
