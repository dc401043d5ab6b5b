import { useState } from 'react';
import { Anchor, Badge, Button, Grid, Group, Progress, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { DOCUMENT_STATUSES, roleAllowed, type DocumentStatus } from '@factdesk/domain';
import { Link } from 'react-router';
import { EmptyState, ErrorAlert, PageHeader } from '../../components/common';
import { DataTable } from '../../components/DataTable';
import { DOCUMENT_STATUS_LABELS, formatDateTime } from '../../lib/format';
import { useMe } from '../auth/queries';
import { isIngesting, useDocuments, useRetryDocument } from './queries';
import { SubmitDocument } from './SubmitDocument';

function StatusCell({
  status,
  progress,
  error,
}: {
  status: keyof typeof DOCUMENT_STATUS_LABELS;
  progress: number;
  error: string | null;
}) {
  const colour = status === 'failed' ? 'red' : status === 'done' ? 'green' : 'blue';
  return (
    <Stack gap={4} miw={140}>
      <Group gap={6}>
        <Badge color={colour} variant="light" size="sm">
          {DOCUMENT_STATUS_LABELS[status]}
        </Badge>
        {status !== 'done' && status !== 'failed' && (
          <Text size="xs" c="dimmed">
            {progress}%
          </Text>
        )}
      </Group>
      {status !== 'done' && (
        <Progress
          value={status === 'failed' ? 100 : progress}
          color={colour}
          size="xs"
          animated={status !== 'failed'}
          aria-label={`Progress ${progress}%`}
        />
      )}
      {error && (
        <Text size="xs" c="red.8" lineClamp={2}>
          {error}
        </Text>
      )}
    </Stack>
  );
}

const STATUS_CHOICES = DOCUMENT_STATUSES.map((s) => ({ value: s, label: DOCUMENT_STATUS_LABELS[s] }));

/** Search, state filter and keyset pages: `cursors` holds the cursor of every page before this one. */
function useDocumentPages() {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [status, setStatus] = useState<DocumentStatus | null>(null);
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const filter = { q: q || undefined, status: status ?? undefined };
  const docs = useDocuments({ ...filter, cursor: cursors[cursors.length - 1] });
  // A new search or filter starts from its first page.
  const [key, setKey] = useState(JSON.stringify(filter));
  if (key !== JSON.stringify(filter)) {
    setKey(JSON.stringify(filter));
    setCursors([undefined]);
  }
  const page = cursors.length - 1;
  return {
    docs,
    search,
    setSearch,
    status,
    setStatus,
    filtered: !!(q || status),
    first: page * 50 + 1,
    next: docs.data?.nextCursor ? () => setCursors([...cursors, docs.data!.nextCursor!]) : null,
    previous: page > 0 ? () => setCursors(cursors.slice(0, -1)) : null,
  };
}

export function DocumentsPage() {
  const { data: me } = useMe();
  const pages = useDocumentPages();
  const { docs } = pages;
  const retry = useRetryDocument();
  const editor = !!me && roleAllowed(me.user.role, ['editor']);
  const items = docs.data?.items ?? [];
  const total = docs.data?.total ?? 0;
  const list = (
    <Stack gap="sm">
      <Group gap="sm" wrap="wrap">
        <TextInput
          aria-label="Search documents"
          placeholder="Search titles and outlets"
          leftSection={<IconSearch size={14} />}
          value={pages.search}
          onChange={(e) => pages.setSearch(e.currentTarget.value)}
          className="grow"
        />
        <Select
          aria-label="State"
          placeholder="Any state"
          data={STATUS_CHOICES}
          value={pages.status}
          onChange={(v) => pages.setStatus(v as DocumentStatus | null)}
          clearable
          w={170}
        />
      </Group>
      <Text size="sm" c="dimmed" data-testid="documents-count" aria-live="polite">
        {docs.data
          ? total === 0
            ? 'No documents'
            : `${pages.first}–${pages.first + items.length - 1} of ${total} document${total === 1 ? '' : 's'}`
          : ' '}
      </Text>
      <DataTable
        rows={items}
        loading={docs.isPending}
        before={docs.error && <ErrorAlert error={docs.error} />}
        rowKey={(d) => d.id}
        rowProps={() => ({ 'data-testid': 'document-row' })}
        minWidth={560}
        verticalSpacing="sm"
        highlightOnHover
        empty={
          pages.filtered ? (
            <EmptyState title="No documents match">Try other words, or any state.</EmptyState>
          ) : (
            <EmptyState title="No documents yet">
              {editor
                ? 'Paste a transcript, upload a file or give a URL: the claims in it appear within seconds.'
                : 'Editors add documents; their claims appear here.'}
            </EmptyState>
          )
        }
        columns={[
          {
            key: 'document',
            header: 'Document',
            cell: (d) => (
              <>
                <Anchor component={Link} to={`/documents/${d.id}`} fw={500} size="sm">
                  {d.title ?? 'Untitled document'}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {[d.outlet, d.format.toUpperCase(), d.submittedBy?.name].filter(Boolean).join(' · ')}
                </Text>
              </>
            ),
          },
          {
            key: 'state',
            header: 'State',
            cell: (d) => (
              <>
                <StatusCell status={d.status} progress={d.progress} error={d.error} />
                {d.status === 'failed' && editor && (
                  <Button
                    size="compact-xs"
                    variant="light"
                    mt={4}
                    onClick={() => retry.mutate(d.id)}
                    loading={retry.isPending && retry.variables === d.id}
                  >
                    Retry
                  </Button>
                )}
              </>
            ),
          },
          {
            key: 'claims',
            header: 'Claims',
            align: 'right',
            cell: (d) =>
              isIngesting(d) ? (
                '—'
              ) : (
                <Anchor component={Link} to={`/claims?documentId=${d.id}`} size="sm">
                  {d.checkworthyCount} / {d.claimCount}
                </Anchor>
              ),
          },
          { key: 'added', header: 'Added', cell: (d) => <Text size="sm">{formatDateTime(d.createdAt)}</Text> },
        ]}
      />
      {(pages.previous || pages.next) && (
        <Group justify="flex-end" gap="xs">
          <Button size="xs" variant="default" disabled={!pages.previous} onClick={pages.previous ?? undefined}>
            Newer
          </Button>
          <Button size="xs" variant="default" disabled={!pages.next} onClick={pages.next ?? undefined}>
            Older
          </Button>
        </Group>
      )}
    </Stack>
  );
  return (
    <>
      <PageHeader
        title="Documents"
        description="Transcripts, interviews and articles, and the claims found in them (check-worthy / all)."
      />
      {editor ? (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <SubmitDocument />
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 7 }}>{list}</Grid.Col>
        </Grid>
      ) : (
        list
      )}
    </>
  );
}
