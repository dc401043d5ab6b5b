import { useState, type FormEvent } from 'react';
import { Badge, Button, Group, Modal, NumberInput, Paper, SegmentedControl, Stack, Switch, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconRss } from '@tabler/icons-react';
import type { MonitoredSourceDto, MonitoredSourceKind, MonitoredSourceStatus } from '@factdesk/domain';
import { ApiRequestError } from '../../api/client';
import { EmptyState, ErrorAlert, LoadingRows, PageHeader } from '../../components/common';
import { formatDateTime, fromNow } from '../../lib/format';
import { useCreateSource, useDeleteSource, usePollSource, useSources, useUpdateSource, type SourceFields } from './queries';

const STATUS: Record<MonitoredSourceStatus, { label: string; colour: string }> = {
  new: { label: 'Not checked yet', colour: 'blue' },
  ok: { label: 'OK', colour: 'green' },
  failing: { label: 'Failing', colour: 'red' },
  paused: { label: 'Paused', colour: 'gray' },
};

function When({ iso }: { iso: string | null }) {
  if (!iso) return <Text size="sm" c="dimmed">Never</Text>;
  return (
    <Tooltip label={formatDateTime(iso)} withArrow>
      <Text size="sm" component="span">
        {fromNow(iso)}
      </Text>
    </Tooltip>
  );
}

function interval(minutes: number) {
  if (minutes % 1440 === 0) return `every ${minutes / 1440} day${minutes === 1440 ? '' : 's'}`;
  if (minutes % 60 === 0) return `every ${minutes / 60} hour${minutes === 60 ? '' : 's'}`;
  return `every ${minutes} min`;
}

/** The API's field errors ("url": "must not point to a private address") by field, for the inputs. */
function fieldErrors(error: unknown): Record<string, string> {
  const fields = error instanceof ApiRequestError ? error.body.fields : undefined;
  return Object.fromEntries((fields ?? []).map((f) => [f.field, f.message]));
}

function SourceForm({ source, onDone }: { source: MonitoredSourceDto | null; onDone: () => void }) {
  const create = useCreateSource();
  const update = useUpdateSource();
  const mutation = source ? update : create;
  const [name, setName] = useState(source?.name ?? '');
  const [url, setUrl] = useState(source?.url ?? '');
  const [kind, setKind] = useState<MonitoredSourceKind>(source?.kind ?? 'feed');
  const [speaker, setSpeaker] = useState(source?.defaultSpeaker?.name ?? '');
  const [outlet, setOutlet] = useState(source?.defaultOutlet ?? '');
  const [minutes, setMinutes] = useState<number | string>(source?.pollIntervalMinutes ?? 30);
  const [enabled, setEnabled] = useState(source?.enabled ?? true);
  const errors = fieldErrors(mutation.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body: SourceFields = {
      name: name.trim(),
      url: url.trim(),
      kind,
      defaultSpeakerName: speaker.trim() || undefined,
      defaultOutlet: outlet.trim() || undefined,
      pollIntervalMinutes: typeof minutes === 'number' ? minutes : Number(minutes) || undefined,
      enabled,
    };
    const done = (s: MonitoredSourceDto) => {
      notifications.show({ color: 'green', message: source ? `${s.name} saved` : `${s.name} added: it is being checked now` });
      onDone();
    };
    if (source) update.mutate({ id: source.id, ...body }, { onSuccess: done });
    else create.mutate(body, { onSuccess: done });
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <TextInput label="Name" required data-autofocus placeholder="Ministry of Economy: press releases" value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} />
        <TextInput label="URL" required type="url" placeholder="https://example.gov/press/rss" value={url} onChange={(e) => setUrl(e.currentTarget.value)} error={errors.url} description="An RSS, Atom or JSON feed, or an HTML page listing articles" />
        <div>
          <Text size="sm" fw={500} mb={4}>
            Kind
          </Text>
          <SegmentedControl
            aria-label="Kind"
            value={kind}
            onChange={(v) => setKind(v as MonitoredSourceKind)}
            data={[
              { value: 'feed', label: 'Feed' },
              { value: 'html', label: 'Listing page' },
            ]}
          />
          {errors.kind && <Text size="xs" c="red">{errors.kind}</Text>}
        </div>
        <Group grow align="flex-start">
          <TextInput label="Default speaker" placeholder="Who usually speaks in its documents" value={speaker} onChange={(e) => setSpeaker(e.currentTarget.value)} error={errors.defaultSpeakerName} />
          <TextInput label="Default outlet" value={outlet} onChange={(e) => setOutlet(e.currentTarget.value)} error={errors.defaultOutlet} />
        </Group>
        <NumberInput label="Check every (minutes)" min={1} max={7 * 24 * 60} value={minutes} onChange={setMinutes} error={errors.pollIntervalMinutes} />
        <Switch label="Enabled (checked on schedule)" checked={enabled} onChange={(e) => setEnabled(e.currentTarget.checked)} />
        {mutation.error && <ErrorAlert error={mutation.error} title={source ? 'Not saved' : 'Not added'} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {source ? 'Save' : 'Add source'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function SourcesPage() {
  const sources = useSources();
  const update = useUpdateSource();
  const poll = usePollSource();
  const remove = useDeleteSource();
  // null: closed; 'new': adding; a source: editing it.
  const [editing, setEditing] = useState<MonitoredSourceDto | 'new' | null>(null);
  const [deleting, setDeleting] = useState<MonitoredSourceDto | null>(null);
  const actionError = update.error ?? poll.error ?? remove.error;
  return (
    <>
      <PageHeader
        title="Sources"
        description="Feeds and pages Factdesk watches: each new item becomes a document, and its claims land in the inbox."
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            Add source
          </Button>
        }
      />
      {actionError && <ErrorAlert error={actionError} />}
      <Paper withBorder radius="md" mt={actionError ? 'md' : 0}>
        {sources.isPending ? (
          <LoadingRows />
        ) : sources.error ? (
          <ErrorAlert error={sources.error} />
        ) : !sources.data.length ? (
          <EmptyState title="No sources yet" icon={<IconRss size={36} stroke={1.4} color="var(--mantine-color-gray-5)" />}>
            Add a ministry's press releases, a parliament's record or an outlet's feed, and its new documents will arrive on their own.
          </EmptyState>
        ) : (
          <Table.ScrollContainer minWidth={900}>
            <Table verticalSpacing="sm" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Source</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Last check</Table.Th>
                  <Table.Th>Last new item</Table.Th>
                  <Table.Th>Interval</Table.Th>
                  <Table.Th aria-label="Actions" />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {sources.data.map((s) => (
                  <Table.Tr key={s.id} data-testid="source-row">
                    <Table.Td maw={360}>
                      <Text size="sm" fw={500}>
                        {s.name}
                      </Text>
                      <Text size="xs" c="dimmed" truncate>
                        {s.kind === 'feed' ? 'Feed' : 'Listing page'} · {s.url}
                      </Text>
                      {(s.defaultSpeaker || s.defaultOutlet) && (
                        <Text size="xs" c="dimmed">
                          {[s.defaultSpeaker?.name, s.defaultOutlet].filter(Boolean).join(' · ')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td maw={280}>
                      <Badge color={STATUS[s.status].colour} variant={s.status === 'failing' ? 'filled' : 'light'} radius="sm">
                        {STATUS[s.status].label}
                      </Badge>
                      {s.lastError && (
                        <Text size="xs" c={s.status === 'failing' ? 'red' : 'dimmed'} mt={4} lineClamp={3} title={s.lastError}>
                          {s.consecutiveFailures > 1 ? `${s.consecutiveFailures} failures in a row: ` : ''}
                          {s.lastError}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <When iso={s.lastCheckedAt} />
                    </Table.Td>
                    <Table.Td>
                      <When iso={s.lastNewItemAt} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{interval(s.pollIntervalMinutes)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={6} justify="flex-end" wrap="nowrap">
                        <Button
                          size="compact-xs"
                          variant="light"
                          onClick={() => poll.mutate(s.id, { onSuccess: () => notifications.show({ message: `${s.name} is being checked` }) })}
                          disabled={!s.enabled}
                          aria-label={`Check now: ${s.name}`}
                        >
                          Check now
                        </Button>
                        <Button size="compact-xs" variant="default" onClick={() => update.mutate({ id: s.id, enabled: !s.enabled })} aria-label={`${s.enabled ? 'Pause' : 'Resume'} ${s.name}`}>
                          {s.enabled ? 'Pause' : 'Resume'}
                        </Button>
                        <Button size="compact-xs" variant="default" onClick={() => setEditing(s)} aria-label={`Edit ${s.name}`}>
                          Edit
                        </Button>
                        <Button size="compact-xs" variant="light" color="red" onClick={() => setDeleting(s)} aria-label={`Delete ${s.name}`}>
                          Delete
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? 'Add source' : 'Edit source'} size="lg">
        {editing !== null && <SourceForm key={editing === 'new' ? 'new' : editing.id} source={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />}
      </Modal>
      <Modal opened={deleting !== null} onClose={() => setDeleting(null)} title="Delete source?">
        <Text size="sm">
          Factdesk will stop following <strong>{deleting?.name}</strong>. The documents and claims it brought in stay.
        </Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setDeleting(null)}>
            Cancel
          </Button>
          <Button
            color="red"
            loading={remove.isPending}
            onClick={() => deleting && remove.mutate(deleting.id, { onSuccess: () => (notifications.show({ message: `${deleting.name} deleted` }), setDeleting(null)) })}
          >
            Delete
          </Button>
        </Group>
      </Modal>
    </>
  );
}
