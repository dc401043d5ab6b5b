import { useState } from 'react';
import { Badge, Button, Group, Modal, Stack, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconRss } from '@tabler/icons-react';
import type { MonitoredSourceDto, MonitoredSourceStatus } from '@factdesk/domain';
import { EmptyState, ErrorAlert, PageHeader } from '../../components/common';
import { DataTable } from '../../components/DataTable';
import { formatDateTime, fromNow, pollInterval } from '../../lib/format';
import { useDeleteSource, usePollSource, useSources, useUpdateSource } from './queries';
import { SourceForm } from './SourceForm';

const STATUS: Record<MonitoredSourceStatus, { label: string; colour: string }> = {
  new: { label: 'Not checked yet', colour: 'blue' },
  ok: { label: 'OK', colour: 'green' },
  failing: { label: 'Failing', colour: 'red' },
  paused: { label: 'Paused', colour: 'gray' },
};

function When({ iso }: { iso: string | null }) {
  if (!iso)
    return (
      <Text size="sm" c="dimmed">
        Never
      </Text>
    );
  return (
    <Tooltip label={formatDateTime(iso)} withArrow>
      <Text size="sm" component="span">
        {fromNow(iso)}
      </Text>
    </Tooltip>
  );
}

function SourceCell({ s }: { s: MonitoredSourceDto }) {
  return (
    <>
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
    </>
  );
}

function StatusCell({ s }: { s: MonitoredSourceDto }) {
  return (
    <>
      <Badge color={STATUS[s.status].colour} variant={s.status === 'failing' ? 'filled' : 'light'} radius="sm">
        {STATUS[s.status].label}
      </Badge>
      {s.lastError && (
        <Text size="xs" c={s.status === 'failing' ? 'red' : 'dimmed'} mt={4} lineClamp={3} title={s.lastError}>
          {s.consecutiveFailures > 1 ? `${s.consecutiveFailures} failures in a row: ` : ''}
          {s.lastError}
        </Text>
      )}
    </>
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
      <Stack gap="md">
        {actionError && <ErrorAlert error={actionError} />}
        <DataTable
          rows={sources.data ?? []}
          loading={sources.isPending}
          error={sources.error}
          rowKey={(s) => s.id}
          rowProps={() => ({ 'data-testid': 'source-row' })}
          minWidth={900}
          verticalSpacing="sm"
          highlightOnHover
          empty={
            <EmptyState
              title="No sources yet"
              icon={<IconRss size={36} stroke={1.4} color="var(--mantine-color-gray-5)" />}
            >
              Add a ministry's press releases, a parliament's record or an outlet's feed, and its new documents will
              arrive on their own.
            </EmptyState>
          }
          columns={[
            { key: 'source', header: 'Source', maxWidth: 360, cell: (s) => <SourceCell s={s} /> },
            { key: 'status', header: 'Status', maxWidth: 280, cell: (s) => <StatusCell s={s} /> },
            { key: 'checked', header: 'Last check', cell: (s) => <When iso={s.lastCheckedAt} /> },
            { key: 'new-item', header: 'Last new item', cell: (s) => <When iso={s.lastNewItemAt} /> },
            {
              key: 'interval',
              header: 'Interval',
              cell: (s) => <Text size="sm">{pollInterval(s.pollIntervalMinutes)}</Text>,
            },
            {
              key: 'actions',
              label: 'Actions',
              cell: (s) => (
                <Group gap={6} justify="flex-end" wrap="nowrap">
                  <Button
                    size="compact-xs"
                    variant="light"
                    onClick={() =>
                      poll.mutate(s.id, {
                        onSuccess: () => notifications.show({ message: `${s.name} is being checked` }),
                      })
                    }
                    disabled={!s.enabled}
                    aria-label={`Check now: ${s.name}`}
                  >
                    Check now
                  </Button>
                  <Button
                    size="compact-xs"
                    variant="default"
                    onClick={() => update.mutate({ id: s.id, enabled: !s.enabled })}
                    aria-label={`${s.enabled ? 'Pause' : 'Resume'} ${s.name}`}
                  >
                    {s.enabled ? 'Pause' : 'Resume'}
                  </Button>
                  <Button
                    size="compact-xs"
                    variant="default"
                    onClick={() => setEditing(s)}
                    aria-label={`Edit ${s.name}`}
                  >
                    Edit
                  </Button>
                  <Button
                    size="compact-xs"
                    variant="light"
                    color="red"
                    onClick={() => setDeleting(s)}
                    aria-label={`Delete ${s.name}`}
                  >
                    Delete
                  </Button>
                </Group>
              ),
            },
          ]}
        />
      </Stack>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? 'Add source' : 'Edit source'}
        size="lg"
      >
        {editing !== null && (
          <SourceForm
            key={editing === 'new' ? 'new' : editing.id}
            source={editing === 'new' ? null : editing}
            onDone={() => setEditing(null)}
          />
        )}
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
            onClick={() =>
              deleting &&
              remove.mutate(deleting.id, {
                onSuccess: () => (notifications.show({ message: `${deleting.name} deleted` }), setDeleting(null)),
              })
            }
          >
            Delete
          </Button>
        </Group>
      </Modal>
    </>
  );
}
