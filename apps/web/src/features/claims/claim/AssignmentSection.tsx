import { Button, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ClaimDetailDto } from '@factdesk/domain';
import { formatDateTime, fromNow, isOverdue } from '../../../lib/format';
import { useUnassign } from '../queries';
import type { Dialog } from './ClaimActions';
import { Section } from './Section';

/** Who has the claim, since when and until when, and who had it before. */
export function AssignmentSection({ claim, onDialog }: { claim: ClaimDetailDto; onDialog: (d: Dialog) => void }) {
  const unassign = useUnassign();
  const active = claim.assignments.find((a) => a.state === 'active');
  const earlier = claim.assignments.filter((a) => a !== active);
  return (
    <Section
      title="Assignment"
      aside={
        claim.actions.includes('assign') && (
          <Button size="compact-sm" variant="light" onClick={() => onDialog('assign')}>
            {active ? 'Reassign…' : 'Assign…'}
          </Button>
        )
      }
    >
      {active ? (
        <Stack gap={4}>
          <Text size="sm">
            <strong>{active.assignee.name}</strong>{' '}
            <Text span c="dimmed" size="sm">
              assigned by {active.assignedBy.name}, {fromNow(active.createdAt)}
            </Text>
          </Text>
          <Text size="sm" c={isOverdue(active.dueAt) ? 'red.8' : undefined} data-testid="due">
            {active.dueAt ? `Due ${formatDateTime(active.dueAt)} (${fromNow(active.dueAt)})` : 'No due date'}
          </Text>
          {active.note && (
            <Text size="sm" fs="italic">
              “{active.note}”
            </Text>
          )}
          {claim.actions.includes('unassign') && (
            <Button
              size="compact-xs"
              variant="subtle"
              color="red"
              w="fit-content"
              onClick={() =>
                unassign.mutate(claim.id, {
                  onSuccess: () => notifications.show({ color: 'green', message: 'Unassigned.' }),
                })
              }
              loading={unassign.isPending}
            >
              Unassign
            </Button>
          )}
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          Not assigned.
        </Text>
      )}
      {earlier.length > 0 && (
        <Text size="xs" c="dimmed" mt="xs">
          Earlier: {earlier.map((a) => `${a.assignee.name} (${a.state})`).join(', ')}
        </Text>
      )}
    </Section>
  );
}
