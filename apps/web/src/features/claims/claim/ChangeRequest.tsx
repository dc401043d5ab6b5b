import { Alert, Text } from '@mantine/core';
import { IconMessageExclamation } from '@tabler/icons-react';
import type { ClaimDetailDto } from '@factdesk/domain';
import { formatDateTime } from '../../../lib/format';
import { useComments } from '../queries';

/**
 * The editor's request for changes, at the top of the claim while the verdict is being reworked: who asked,
 * when, about which version (a review comment names the version it was written on), and what they asked.
 */
export function ChangeRequest({ claim }: { claim: ClaimDetailDto }) {
  const reworking = claim.state === 'changes_requested' || claim.state === 'in_progress';
  const comments = useComments(claim.id);
  if (!reworking) return null;
  const request = (comments.data ?? []).filter((c) => c.verdictVersion !== null).at(-1);
  if (!request) return null;
  const now = claim.verdict?.version ?? request.verdictVersion!;
  return (
    <Alert
      color="orange"
      icon={<IconMessageExclamation size={18} />}
      title={`${request.author.name} asked for changes to version ${request.verdictVersion}`}
      mb="md"
      data-testid="change-request"
    >
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {request.body}
      </Text>
      <Text size="xs" c="dimmed" mt={6}>
        {formatDateTime(request.createdAt)} · on “{claim.verdict?.headline || 'the verdict'}”
        {now > request.verdictVersion! ? ` · you have saved version ${now} since` : ''}
      </Text>
    </Alert>
  );
}
