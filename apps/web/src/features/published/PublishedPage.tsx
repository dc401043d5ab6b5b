import { useState } from 'react';
import { Anchor, Badge, Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link } from 'react-router';
import { FACT_CHECKS_PATH, factCheckPath, type FactCheckListItemDto } from '@factdesk/domain';
import { NoteModal } from '../../components/NoteModal';
import { EmptyState, ErrorAlert, LoadMore, PageHeader } from '../../components/common';
import { DataTable } from '../../components/DataTable';
import { formatDateTime } from '../../lib/format';
import { CorrectionModal } from '../claims/correction/CorrectionModal';
import { useRetract } from '../claims/queries';
import { useFactChecks } from './queries';

const STATE_COLOURS = { published: 'green', corrected: 'lime', retracted: 'red' } as const;

function FactCheckCell({ fc }: { fc: FactCheckListItemDto }) {
  return (
    <>
      <Anchor href={factCheckPath(fc.slug)} target="_blank" rel="noopener" fw={500} size="sm">
        {fc.headline || fc.slug}
      </Anchor>
      <Text size="xs" c="dimmed">
        <Anchor component={Link} to={`/claims/${fc.claimId}`} size="xs" underline="always">
          claim
        </Anchor>{' '}
        · version {fc.currentVersion}
        {fc.corrections.length > 0 && ` · ${fc.corrections.length} correction${fc.corrections.length === 1 ? '' : 's'}`}
      </Text>
    </>
  );
}

export function PublishedPage() {
  const list = useFactChecks();
  const retract = useRetract();
  const [correcting, setCorrecting] = useState<FactCheckListItemDto | null>(null);
  const [retracting, setRetracting] = useState<FactCheckListItemDto | null>(null);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeader
        title="Published"
        description="Every fact-check the public can read, newest first. Corrections and retractions are logged on the public page."
        actions={
          <>
            <Button component="a" href={FACT_CHECKS_PATH} target="_blank" rel="noopener" variant="default">
              Public index
            </Button>
            <Button component="a" href="/feed.json" target="_blank" rel="noopener" variant="default">
              JSON Feed
            </Button>
          </>
        }
      />
      {list.error && <ErrorAlert error={list.error} />}
      <DataTable
        rows={items}
        loading={list.isPending}
        rowKey={(fc) => fc.id}
        rowProps={() => ({ 'data-testid': 'fact-check-row' })}
        minWidth={720}
        verticalSpacing="sm"
        highlightOnHover
        empty={
          <EmptyState title="Nothing published yet">Approved verdicts are published from the review queue.</EmptyState>
        }
        columns={[
          { key: 'fact-check', header: 'Fact-check', cell: (fc) => <FactCheckCell fc={fc} /> },
          { key: 'rating', header: 'Rating', width: 120, cell: (fc) => <Text size="sm">{fc.rating ?? '—'}</Text> },
          {
            key: 'state',
            header: 'State',
            width: 120,
            cell: (fc) => (
              <Badge color={STATE_COLOURS[fc.state]} variant="light">
                {fc.state}
              </Badge>
            ),
          },
          {
            key: 'published',
            header: 'Published',
            width: 150,
            cell: (fc) => <Text size="sm">{formatDateTime(fc.publishedAt)}</Text>,
          },
          {
            key: 'updated',
            header: 'Updated',
            width: 150,
            cell: (fc) => <Text size="sm">{formatDateTime(fc.updatedAt)}</Text>,
          },
          {
            key: 'actions',
            label: 'Actions',
            width: 170,
            cell: (fc) =>
              fc.state !== 'retracted' && (
                <Group gap={4} wrap="nowrap">
                  <Button size="compact-xs" variant="light" onClick={() => setCorrecting(fc)}>
                    Correct…
                  </Button>
                  <Button size="compact-xs" variant="light" color="red" onClick={() => setRetracting(fc)}>
                    Retract…
                  </Button>
                </Group>
              ),
          },
        ]}
      />
      <LoadMore list={list} />
      {correcting && (
        <CorrectionModal
          claimId={correcting.claimId}
          title={`Correct “${correcting.headline}”`}
          onClose={() => setCorrecting(null)}
        />
      )}
      {retracting && (
        <NoteModal
          opened
          title={`Retract “${retracting.headline}”`}
          label="Public note: why it is retracted"
          description="The page stays up with this note; it leaves the ClaimReview feed."
          submitLabel="Retract"
          colour="red"
          onClose={() => setRetracting(null)}
          pending={retract.isPending}
          error={retract.error}
          onSubmit={(note) =>
            retract.mutate(
              { id: retracting.claimId, note },
              { onSuccess: () => (notifications.show({ message: 'Retracted.' }), setRetracting(null)) },
            )
          }
        />
      )}
    </>
  );
}
