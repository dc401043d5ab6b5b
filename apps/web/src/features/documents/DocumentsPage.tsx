import { Anchor, Badge, Button, Grid, Group, Progress, Stack, Text } from '@mantine/core';
import { roleAllowed } from '@factdesk/domain';
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

export function DocumentsPage() {
  const { data: me } = useMe();
  const docs = useDocuments();
  const retry = useRetryDocument();
  const editor = !!me && roleAllowed(me.user.role, ['editor']);
  const items = docs.data?.items ?? [];
  const list = (
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
        <EmptyState title="No documents yet">
          {editor
            ? 'Paste a transcript, upload a file or give a URL: the claims in it appear within seconds.'
            : 'Editors add documents; their claims appear here.'}
        </EmptyState>
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
