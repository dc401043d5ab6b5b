import { Text, Timeline } from '@mantine/core';
import { CLAIM_HISTORY_DUPLICATES, type AuditAction, type ClaimDetailDto } from '@factdesk/domain';
import { EmptyState } from '../../../components/common';
import { describeAudit, formatDateTime } from '../../../lib/format';
import { Section } from './Section';

/** The claim's audit trail in words, oldest first, each workflow step once. */
export function ClaimHistory({ history }: { history: ClaimDetailDto['history'] }) {
  const steps = history.filter((h) => !CLAIM_HISTORY_DUPLICATES.has(h.action as AuditAction));
  return (
    <Section title="History">
      {steps.length === 0 ? (
        <EmptyState title="No history" />
      ) : (
        <Timeline bulletSize={12} lineWidth={2} active={steps.length - 1} data-testid="history">
          {steps.map((h) => (
            <Timeline.Item
              key={h.id}
              title={<Text size="sm">{`${h.actor?.name ?? 'Factdesk'} ${describeAudit(h.action)}`}</Text>}
            >
              <Text size="xs" c="dimmed">
                {formatDateTime(h.createdAt)}
              </Text>
              {typeof h.after?.comment === 'string' && (
                <Text size="xs" className="pre-wrap">
                  “{h.after.comment}”
                </Text>
              )}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Section>
  );
}
