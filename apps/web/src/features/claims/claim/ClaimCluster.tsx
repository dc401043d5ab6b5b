import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ClaimDetailDto } from '@factdesk/domain';
import { Link } from 'react-router';
import { ErrorAlert, StateBadge } from '../../../components/common';
import { formatDate, STATE_LABELS } from '../../../lib/format';
import { useNotDuplicate } from '../queries';
import { Section } from './Section';

/**
 * The claim's cluster: every time it was said (document, speaker, date), checked once through its first
 * claim. Editors split a claim that is not the same after all.
 */
export function ClaimCluster({ claim: c, editor }: { claim: ClaimDetailDto; editor: boolean }) {
  const split = useNotDuplicate();
  if (!c.appearances.length) return null;
  return (
    <Section title={`Said ${c.appearances.length} times`} aside={c.duplicateOf && <StateBadge state="duplicate" />}>
      {c.duplicateOf && (
        <Text size="sm" mb="xs" data-testid="duplicate-of">
          Checked through{' '}
          <Anchor component={Link} to={`/claims/${c.duplicateOf.id}`} size="sm" underline="always">
            its first appearance
          </Anchor>
          , {STATE_LABELS[c.duplicateOf.state].toLowerCase()}.
        </Text>
      )}
      <Stack gap="xs" data-testid="appearances">
        {c.appearances.map((a, i) => (
          <div key={a.claimId}>
            {a.claimId === c.id ? (
              <Text size="sm" fw={600} lineClamp={2}>
                {a.text}
              </Text>
            ) : (
              <Anchor component={Link} to={`/claims/${a.claimId}`} size="sm" lineClamp={2}>
                {a.text}
              </Anchor>
            )}
            <Group justify="space-between" wrap="nowrap" gap="xs">
              <Text size="xs" c="dimmed">
                {a.speaker?.name ?? 'Unknown speaker'}
                {a.saidAt && ` · ${formatDate(a.saidAt)}`}
                {a.document && ` · ${a.document.title ?? 'Untitled document'}`}
                {i === 0 && ' · first'}
              </Text>
              {i > 0 && editor && (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  style={{ flexShrink: 0 }}
                  loading={split.isPending && split.variables?.id === a.claimId}
                  onClick={() =>
                    split.mutate(
                      { id: a.claimId },
                      { onSuccess: () => notifications.show({ message: 'Split: back in triage as its own claim.' }) },
                    )
                  }
                >
                  Not the same claim
                </Button>
              )}
            </Group>
          </div>
        ))}
      </Stack>
      <ErrorAlert error={split.error} />
    </Section>
  );
}
