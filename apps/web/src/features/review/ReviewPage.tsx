import { useState } from 'react';
import { Anchor, Button, Grid, Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ClaimAction, ClaimSummaryDto, VerdictDto } from '@factdesk/domain';
import { Link } from 'react-router';
import { NoteModal } from '../../components/NoteModal';
import { EmptyState, ErrorAlert, LoadingRows, PageHeader, StateBadge } from '../../components/common';
import { fromNow } from '../../lib/format';
import { useClaim, useClaimAction, useClaims, useRequestChanges } from '../claims/queries';
import { staleCurrent, StaleVerdictChanges } from '../claims/verdict/StaleVerdict';
import { VerdictView } from '../claims/verdict/VerdictView';
import { SentBackChanges } from '../claims/history/SentBackChanges';
import { PublishModal } from '../claims/publish/PublishModal';

function ReviewPanel({ claimId }: { claimId: string }) {
  const claim = useClaim(claimId);
  const act = useClaimAction();
  const requestChanges = useRequestChanges();
  const [sendingBack, setSendingBack] = useState(false);
  const [publishing, setPublishing] = useState(false);
  // The verdict on screen when approving: a refusal for a newer version says what changed since.
  const [seen, setSeen] = useState<VerdictDto | null>(null);
  const stale = staleCurrent(act.error);
  if (claim.error) return <ErrorAlert error={claim.error} />;
  if (claim.isPending) return <LoadingRows rows={6} />;
  const c = claim.data;
  const may = (a: ClaimAction) => c.actions.includes(a);
  // The panel may re-render under a refreshed queue meanwhile: confirm from the promise, not the observer.
  const run = (action: 'approve', message: string) => {
    setSeen(c.verdict);
    return act.mutateAsync({ id: c.id, action, version: action === 'approve' ? c.verdict?.version : undefined }).then(
      () => notifications.show({ color: 'green', message }),
      () => undefined, // shown below from act.error
    );
  };
  return (
    <Paper withBorder p="lg" radius="md">
      <Group justify="space-between" align="flex-start" mb="sm">
        <div className="grow">
          <Text size="xs" c="dimmed">
            {c.speaker?.name ?? 'Unknown speaker'} said
          </Text>
          <Text fw={600}>“{c.text}”</Text>
        </div>
        <Anchor component={Link} to={`/claims/${c.id}`} size="sm">
          Open claim
        </Anchor>
      </Group>
      <SentBackChanges claim={c} />
      {c.verdict ? <VerdictView verdict={c.verdict} /> : <Text c="dimmed">No verdict.</Text>}
      <Group mt="md" gap="xs" data-testid="review-actions">
        {may('approve') && (
          <Button
            color="teal"
            loading={act.isPending && act.variables?.action === 'approve'}
            onClick={() => run('approve', 'Approved.')}
          >
            Approve
          </Button>
        )}
        {may('publish') && (
          <Button color="green" onClick={() => setPublishing(true)}>
            Publish…
          </Button>
        )}
        {may('request_changes') && (
          <Button variant="light" color="orange" onClick={() => setSendingBack(true)}>
            Request changes…
          </Button>
        )}
      </Group>
      {act.error && <ErrorAlert error={act.error} title="Not done" />}
      {stale && seen && <StaleVerdictChanges seen={seen} current={stale} />}
      {publishing && <PublishModal claimId={c.id} onClose={() => setPublishing(false)} />}
      {sendingBack && (
        <NoteModal
          opened
          title="Request changes"
          label="What should change"
          description="The reviewer is notified and sees this on the claim."
          submitLabel="Send back"
          colour="orange"
          onClose={() => setSendingBack(false)}
          pending={requestChanges.isPending}
          error={requestChanges.error}
          onSubmit={(comment) =>
            requestChanges.mutate(
              { id: c.id, comment },
              {
                onSuccess: () => {
                  notifications.show({ color: 'green', message: 'Sent back: the reviewer is notified.' });
                  setSendingBack(false);
                },
              },
            )
          }
        />
      )}
    </Paper>
  );
}

function QueueList({
  title,
  items,
  selected,
  onSelect,
}: {
  title: string;
  items: ClaimSummaryDto[];
  selected: string | null;
  onSelect: (id: string) => void;
}) {
  return (
    <div>
      <Text size="xs" fw={700} tt="uppercase" c="dimmed" px="sm" py={6}>
        {title} ({items.length})
      </Text>
      {items.map((c) => (
        <UnstyledButton
          key={c.id}
          className={`side-claim${selected === c.id ? ' active' : ''}`}
          onClick={() => onSelect(c.id)}
          data-testid="review-item"
        >
          <Text size="sm" lineClamp={2}>
            {c.text}
          </Text>
          <Group gap={6} mt={4}>
            <StateBadge state={c.state} />
            <Text size="xs" c="dimmed">
              {c.assignee?.name ?? '—'}
              {c.dueAt ? ` · due ${fromNow(c.dueAt)}` : ''}
            </Text>
          </Group>
        </UnstyledButton>
      ))}
    </div>
  );
}

/** Submitted verdicts to approve or send back, and approved ones to publish, side by side with the verdict. */
export function ReviewPage() {
  const inReview = useClaims({ state: ['in_review'], sort: 'due' }, 100);
  const approved = useClaims({ state: ['approved'], sort: 'due' }, 100);
  const [selected, setSelected] = useState<string | null>(null);
  const review = inReview.data?.pages.flatMap((p) => p.items) ?? [];
  const ready = approved.data?.pages.flatMap((p) => p.items) ?? [];
  const current =
    selected && [...review, ...ready].some((c) => c.id === selected)
      ? selected
      : (review[0]?.id ?? ready[0]?.id ?? null);
  return (
    <>
      <PageHeader
        title="Review queue"
        description="Verdicts submitted for review, and approved ones waiting to be published."
      />
      {(inReview.error || approved.error) && <ErrorAlert error={inReview.error ?? approved.error} />}
      {inReview.isPending || approved.isPending ? (
        <LoadingRows rows={6} />
      ) : review.length + ready.length === 0 ? (
        <Paper withBorder radius="md">
          <EmptyState title="Nothing to review">Verdicts appear here when a reviewer submits them.</EmptyState>
        </Paper>
      ) : (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Paper withBorder radius="md" py="xs">
              <Stack gap="xs">
                <QueueList title="In review" items={review} selected={current} onSelect={setSelected} />
                {ready.length > 0 && (
                  <QueueList title="Approved, to publish" items={ready} selected={current} onSelect={setSelected} />
                )}
              </Stack>
            </Paper>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 8 }}>{current && <ReviewPanel key={current} claimId={current} />}</Grid.Col>
        </Grid>
      )}
    </>
  );
}
