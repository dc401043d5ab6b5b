import { Alert, Button, Group, List, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ClaimAction, ClaimDetailDto } from '@factdesk/domain';
import { ErrorAlert } from '../../../components/common';
import { formatDateTime } from '../../../lib/format';
import { useState } from 'react';
import type { VerdictDto } from '@factdesk/domain';
import { useClaimAction, type SimpleAction } from '../queries';
import { staleCurrent, StaleVerdictChanges } from '../verdict/StaleVerdict';

/** The dialogs the claim page opens: each asks for what its action needs (a reason, a note, an assignee). */
export type Dialog =
  | null
  | 'dismiss'
  | 'assign'
  | 'request_changes'
  | 'correct'
  | 'retract'
  | 'publish'
  | 'reschedule'
  | 'cancel_schedule';

const SIMPLE: Partial<Record<ClaimAction, { label: string; colour?: string; done: string }>> = {
  accept: { label: 'Accept', colour: 'green', done: 'Claim accepted.' },
  reopen: { label: 'Reopen', done: 'Claim reopened.' },
  start: { label: 'Start work', done: 'Work started.' },
  approve: { label: 'Approve', colour: 'teal', done: 'Verdict approved.' },
};

const NOTE_ACTIONS: ClaimAction[] = ['publish', 'request_changes', 'dismiss', 'correct', 'retract'];

/** The buttons for what the signed-in user may do now: exactly the API's `actions`, nothing more. */
export function ClaimActions({ claim, onDialog }: { claim: ClaimDetailDto; onDialog: (d: Dialog) => void }) {
  const act = useClaimAction();
  const has = (a: ClaimAction) => claim.actions.includes(a);
  // The verdict on screen when approving: a refusal for a newer version says what changed since.
  const [seen, setSeen] = useState<VerdictDto | null>(null);
  const stale = staleCurrent(act.error);
  const schedule = claim.publicationSchedule;
  return (
    <Stack gap="xs">
      {schedule && (
        <Alert color="blue" title="Scheduled publication" data-testid="publication-schedule">
          <Text size="sm">
            Scheduled for <time dateTime={schedule.publishAt}>{formatDateTime(schedule.publishAt)}</time> by{' '}
            {schedule.scheduledBy.name}
          </Text>
          {has('publish') && (
            <Group gap="xs" mt="xs">
              <Button size="xs" variant="light" onClick={() => onDialog('reschedule')}>
                Reschedule…
              </Button>
              <Button size="xs" variant="light" color="red" onClick={() => onDialog('cancel_schedule')}>
                Cancel schedule…
              </Button>
            </Group>
          )}
        </Alert>
      )}
      <Group gap="xs" data-testid="claim-actions">
        {(Object.keys(SIMPLE) as SimpleAction[]).filter(has).map((a) => (
          <Button
            key={a}
            color={SIMPLE[a]!.colour}
            loading={act.isPending && act.variables?.action === a}
            onClick={() => {
              const version = a === 'approve' ? claim.verdict?.version : undefined;
              setSeen(claim.verdict);
              act.mutate(
                { id: claim.id, action: a, version },
                { onSuccess: () => notifications.show({ color: 'green', message: SIMPLE[a]!.done }) },
              );
            }}
          >
            {SIMPLE[a]!.label}
          </Button>
        ))}
        {has('publish') && (
          <Button color="green" onClick={() => onDialog('publish')}>
            Publish…
          </Button>
        )}
        {has('request_changes') && (
          <Button variant="light" color="orange" onClick={() => onDialog('request_changes')}>
            Request changes…
          </Button>
        )}
        {has('dismiss') && (
          <Button variant="light" color="red" onClick={() => onDialog('dismiss')}>
            Dismiss…
          </Button>
        )}
        {has('correct') && (
          <Button variant="light" onClick={() => onDialog('correct')}>
            Correct…
          </Button>
        )}
        {has('retract') && (
          <Button variant="light" color="red" onClick={() => onDialog('retract')}>
            Retract…
          </Button>
        )}
      </Group>
      {(has('approve') || has('publish')) && claim.provenanceWarnings.length > 0 && (
        // A warning, not a block: some claims have no known date or place.
        <Alert color="yellow" title="Before it goes out" data-testid="provenance-warnings">
          <List size="sm">
            {claim.provenanceWarnings.map((w) => (
              <List.Item key={w}>{w}</List.Item>
            ))}
          </List>
          <Text size="xs" mt={4}>
            Set them under “Where and when” below, or go ahead without.
          </Text>
        </Alert>
      )}
      {act.error && <ErrorAlert error={act.error} title="Not done" />}
      {stale && seen && <StaleVerdictChanges seen={seen} current={stale} />}
      {!claim.actions.some((a) => a in SIMPLE || NOTE_ACTIONS.includes(a)) && (
        <Text size="sm" c="dimmed">
          {claim.actions.includes('submit')
            ? 'Work on the verdict below, then submit it for review.'
            : claim.actions.includes('assign')
              ? 'Assign it to someone to check.'
              : claim.duplicateOf
                ? 'A repeat: it is checked through its first appearance (see “Said … times”).'
                : 'Nothing for you to do on this claim now.'}
        </Text>
      )}
    </Stack>
  );
}
