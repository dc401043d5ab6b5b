import type { KeyboardEvent, ReactNode } from 'react';
import { Alert, Badge, Button, Group, Skeleton, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconAlertCircle, IconHistory, IconInbox } from '@tabler/icons-react';
import { factCheckPath, type ClaimState } from '@factdesk/domain';
import { ApiRequestError } from '../api/client';
import { percent, scoreColour, STATE_COLOURS, STATE_LABELS } from '../lib/format';

export function PageHeader({
  title,
  description,
  actions,
}: {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <Group justify="space-between" align="flex-end" mb="lg" wrap="wrap">
      <div>
        <Title order={1} size="h2">
          {title}
        </Title>
        {description && (
          <Text c="dimmed" size="sm" mt={4}>
            {description}
          </Text>
        )}
      </div>
      {actions && <Group gap="sm">{actions}</Group>}
    </Group>
  );
}

/**
 * An API error as the sentence the API wrote, or, for a validation error, each field at fault once (the
 * API's message already lists them, for clients that show only the message).
 */
export function ErrorAlert({ error, title = 'Something went wrong' }: { error: unknown; title?: string }) {
  if (!error) return null;
  const fields = error instanceof ApiRequestError ? error.body.fields : undefined;
  return (
    <Alert color="red" icon={<IconAlertCircle size={18} />} title={title} role="alert">
      {fields && fields.length > 0 ? 'Please correct:' : error instanceof Error ? error.message : String(error)}
      {fields && fields.length > 0 && (
        <ul style={{ margin: '4px 0 0', paddingLeft: 18 }}>
          {fields.map((f) => (
            <li key={f.field}>
              <strong>{f.field}</strong> {f.message}
            </li>
          ))}
        </ul>
      )}
    </Alert>
  );
}

export function EmptyState({ title, children, icon }: { title: string; children?: ReactNode; icon?: ReactNode }) {
  return (
    <Stack align="center" gap={6} py={48} px="md" className="empty-state">
      {icon ?? <IconInbox size={36} stroke={1.4} color="var(--mantine-color-gray-5)" />}
      <Text fw={600}>{title}</Text>
      {children && (
        <Text c="dimmed" size="sm" ta="center" maw={420}>
          {children}
        </Text>
      )}
    </Stack>
  );
}

export function LoadingRows({ rows = 5, height = 44 }: { rows?: number; height?: number }) {
  return (
    <Stack gap={8} role="status" aria-busy="true" aria-label="Loading">
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} height={height} radius="sm" />
      ))}
    </Stack>
  );
}

/** The button under an infinite list: the next page, while there is one. */
export function LoadMore({
  list,
}: {
  list: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };
}) {
  if (!list.hasNextPage) return null;
  return (
    <Group justify="center" mt="md">
      <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
        Load more
      </Button>
    </Group>
  );
}

export function StateBadge({ state }: { state: ClaimState }) {
  return (
    <Badge color={STATE_COLOURS[state]} variant="light" radius="sm" style={{ whiteSpace: 'nowrap' }}>
      {STATE_LABELS[state]}
    </Badge>
  );
}

/** Check-worthiness 0–100, coloured by strength, with the detector's reasons on hover. */
export function ScoreBadge({ score, reasons }: { score: number; reasons?: string[] }) {
  const badge = (
    <Badge
      color={scoreColour(score)}
      variant={score >= 0.5 ? 'filled' : 'light'}
      radius="sm"
      miw={44}
      style={{ flexShrink: 0 }}
      aria-label={`Check-worthiness ${percent(score)} out of 100`}
    >
      {percent(score)}
    </Badge>
  );
  if (!reasons?.length) return badge;
  return (
    <Tooltip label={reasons.join(' · ')} multiline w={280} withArrow>
      {badge}
    </Tooltip>
  );
}

export function CheckedBeforeBadge({
  checkedBefore,
}: {
  checkedBefore: { slug: string; rating: string | null; similarity: number };
}) {
  return (
    <Tooltip
      label={`An earlier fact-check (${Math.round(checkedBefore.similarity * 100)}% similar)${checkedBefore.rating ? ` rated ${checkedBefore.rating}` : ''}`}
      withArrow
    >
      <Badge
        component="a"
        href={factCheckPath(checkedBefore.slug)}
        target="_blank"
        rel="noopener"
        color="grape"
        variant="outline"
        radius="sm"
        leftSection={<IconHistory size={12} />}
        style={{ cursor: 'pointer' }}
      >
        Checked before
      </Badge>
    </Tooltip>
  );
}

/** Ctrl/Cmd+Enter in a text area submits its form, as in mail and chat tools (Enter alone is a new line). */
export function submitOnCtrlEnter(e: KeyboardEvent<HTMLTextAreaElement>) {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
    e.preventDefault();
    e.currentTarget.form?.requestSubmit();
  }
}
