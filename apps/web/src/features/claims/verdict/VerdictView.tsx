import { Alert, Badge, Group, List, Stack, Text, Title } from '@mantine/core';
import type { VerdictDto } from '@factdesk/domain';
import { formatDateTime, webHref } from '../../../lib/format';
import { renderMarkdown } from '../../../lib/markdown';

/** A verdict as readers will see it: for review and for everyone who may not edit it. */
export function VerdictView({ verdict }: { verdict: VerdictDto }) {
  return (
    <Stack gap="xs" data-testid="verdict-view">
      <Group gap="xs">
        {verdict.rating ? (
          <Badge size="lg" radius="sm" color={verdict.rating.colour} autoContrast>
            {verdict.rating.label}
          </Badge>
        ) : (
          <Badge variant="outline">No rating</Badge>
        )}
        <Text size="xs" c="dimmed">
          Version {verdict.version} by {verdict.versionBy.name}
          {verdict.versionKind === 'correction' && ' (correction)'}
          {verdict.submittedAt && ` · submitted ${formatDateTime(verdict.submittedAt)}`}
        </Text>
      </Group>
      <Title order={3} size="h4">
        {verdict.headline || 'No headline'}
      </Title>
      <Text size="sm" fw={500}>
        {verdict.conclusion}
      </Text>
      <div className="markdown" dangerouslySetInnerHTML={{ __html: renderMarkdown(verdict.analysis) }} />
      {verdict.sources.length > 0 && (
        <div>
          <Text size="sm" fw={600}>
            Sources
          </Text>
          <List size="sm" spacing={4}>
            {verdict.sources.map((s) => (
              <List.Item key={s.id}>
                <Badge size="xs" variant={s.kind === 'primary' ? 'filled' : 'outline'} mr={6}>
                  {s.kind}
                </Badge>
                <a href={webHref(s.url)} target="_blank" rel="noopener noreferrer">
                  {s.title || s.url}
                </a>
                {s.publisher && <Text span size="xs" c="dimmed">{` · ${s.publisher}`}</Text>}
              </List.Item>
            ))}
          </List>
        </div>
      )}
      {verdict.problems.length > 0 && (
        <Alert color="orange" title="Not ready for approval">
          <List size="sm">
            {verdict.problems.map((p) => (
              <List.Item key={p}>{p}</List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Stack>
  );
}
