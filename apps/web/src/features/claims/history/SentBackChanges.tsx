import { Paper, Text } from '@mantine/core';
import type { ClaimDetailDto } from '@factdesk/domain';
import { formatDateTime } from '../../../lib/format';
import { lastSentBack, verdictVersionText } from './diff';
import { useVerdictVersions, versionsStamp } from './queries';
import { VersionDiffView } from './VersionDiffView';

/**
 * For a verdict resubmitted after "Request changes": what changed since the version the editor sent back,
 * so the editor reviews the change rather than reading the whole verdict again.
 */
export function SentBackChanges({ claim }: { claim: ClaimDetailDto }) {
  const inReview = claim.state === 'in_review' && !!claim.verdict;
  const versions = useVerdictVersions(claim.id, inReview ? versionsStamp(claim) : null);
  if (!inReview || !versions.data) return null;
  const sent = lastSentBack(versions.data);
  const now = versions.data.find((v) => v.version === claim.verdict!.version);
  if (!sent || !now) return null;
  const request = sent.sentBack.at(-1)!;
  return (
    <Paper withBorder p="sm" radius="sm" mb="md" bg="orange.0" data-testid="sent-back-changes">
      <Text fw={600} size="sm">
        Changed since sent back
      </Text>
      <Text size="xs" c="dimmed" mb="xs">
        {request.by.name} sent version {sent.version} back {formatDateTime(request.at)}: “{request.comment}”
        {now.version > sent.version ? ` · now version ${now.version} by ${now.author.name}` : ''}
      </Text>
      {now.version === sent.version ? (
        <Text size="sm">Resubmitted without changes.</Text>
      ) : (
        <VersionDiffView before={verdictVersionText(sent)} after={verdictVersionText(now)} />
      )}
    </Paper>
  );
}
