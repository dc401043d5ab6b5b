import { useState } from 'react';
import { Anchor, Badge, Button, Group, Paper, Select, Table, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link } from 'react-router';
import type { FactCheckListItemDto } from '@factdesk/domain';
import { NoteModal } from '../../components/NoteModal';
import { EmptyState, ErrorAlert, LoadingRows, LoadMore, PageHeader } from '../../components/common';
import { formatDateTime } from '../../lib/format';
import { useCorrect, useRatings, useRetract } from '../claims/queries';
import { useFactChecks } from './queries';

const STATE_COLOURS = { published: 'green', corrected: 'lime', retracted: 'red' } as const;

/** A correction: the public note, and optionally a new rating, headline or conclusion. */
function CorrectModal({ fc, onClose }: { fc: FactCheckListItemDto; onClose: () => void }) {
  const correct = useCorrect();
  const ratings = useRatings();
  const [ratingId, setRatingId] = useState<string | null>(null);
  const [headline, setHeadline] = useState('');
  const [conclusion, setConclusion] = useState('');
  return (
    <NoteModal
      opened
      title={`Correct “${fc.headline}”`}
      label="Public note: what changed and why"
      submitLabel="Publish correction"
      onClose={onClose}
      pending={correct.isPending}
      error={correct.error}
      onSubmit={(note) =>
        correct.mutate(
          { id: fc.claimId, note, ...(ratingId ? { ratingId } : {}), ...(headline.trim() ? { headline: headline.trim() } : {}), ...(conclusion.trim() ? { conclusion: conclusion.trim() } : {}) },
          { onSuccess: () => (notifications.show({ color: 'green', message: 'Correction published.' }), onClose()) },
        )
      }
    >
      <Text size="xs" c="dimmed">
        Leave a field empty to keep it as published.
      </Text>
      <Select label="New rating" placeholder={fc.rating ?? 'Keep'} data={(ratings.data ?? []).filter((r) => r.active).map((r) => ({ value: r.id, label: r.label }))} value={ratingId} onChange={setRatingId} clearable />
      <TextInput label="New headline" placeholder={fc.headline} value={headline} onChange={(e) => setHeadline(e.currentTarget.value)} />
      <Textarea label="New conclusion" autosize minRows={2} value={conclusion} onChange={(e) => setConclusion(e.currentTarget.value)} />
    </NoteModal>
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
            <Button component="a" href="/fact-checks" target="_blank" rel="noopener" variant="default">
              Public index
            </Button>
            <Button component="a" href="/feed.json" target="_blank" rel="noopener" variant="default">
              JSON Feed
            </Button>
          </>
        }
      />
      {list.error && <ErrorAlert error={list.error} />}
      <Paper withBorder radius="md">
        {list.isPending ? (
          <div style={{ padding: 16 }}>
            <LoadingRows />
          </div>
        ) : items.length === 0 ? (
          <EmptyState title="Nothing published yet">Approved verdicts are published from the review queue.</EmptyState>
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table verticalSpacing="sm" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Fact-check</Table.Th>
                  <Table.Th w={120}>Rating</Table.Th>
                  <Table.Th w={120}>State</Table.Th>
                  <Table.Th w={150}>Published</Table.Th>
                  <Table.Th w={150}>Updated</Table.Th>
                  <Table.Th w={170} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((fc) => (
                  <Table.Tr key={fc.id} data-testid="fact-check-row">
                    <Table.Td>
                      <Anchor href={`/fact-checks/${fc.slug}`} target="_blank" rel="noopener" fw={500} size="sm">
                        {fc.headline || fc.slug}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        <Anchor component={Link} to={`/claims/${fc.claimId}`} size="xs" underline="always">
                          claim
                        </Anchor>{' '}
                        · version {fc.currentVersion}
                        {fc.corrections.length > 0 && ` · ${fc.corrections.length} correction${fc.corrections.length === 1 ? '' : 's'}`}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{fc.rating ?? '—'}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={STATE_COLOURS[fc.state]} variant="light">
                        {fc.state}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatDateTime(fc.publishedAt)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatDateTime(fc.updatedAt)}</Text>
                    </Table.Td>
                    <Table.Td>
                      {fc.state !== 'retracted' && (
                        <Group gap={4} wrap="nowrap">
                          <Button size="compact-xs" variant="light" onClick={() => setCorrecting(fc)}>
                            Correct…
                          </Button>
                          <Button size="compact-xs" variant="light" color="red" onClick={() => setRetracting(fc)}>
                            Retract…
                          </Button>
                        </Group>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      <LoadMore list={list} />
      {correcting && <CorrectModal fc={correcting} onClose={() => setCorrecting(null)} />}
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
          onSubmit={(note) => retract.mutate({ id: retracting.claimId, note }, { onSuccess: () => (notifications.show({ message: 'Retracted.' }), setRetracting(null)) })}
        />
      )}
    </>
  );
}
