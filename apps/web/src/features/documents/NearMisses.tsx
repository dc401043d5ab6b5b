import { useState } from 'react';
import { Anchor, Button, Group, NumberInput, Paper, ScrollArea, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { DocumentSentenceDto } from '@factdesk/domain';
import { EmptyState, ErrorAlert, LoadingRows, LoadMore, ScoreBadge } from '../../components/common';
import { percent } from '../../lib/format';
import { useNearMisses, usePromoteSentence, useSetThreshold } from './queries';

const failed = (err: Error) => notifications.show({ color: 'red', message: err.message });

/** The threshold in the 0–100 scale scores are shown in; an editor applies a new one with a click. */
function ThresholdControl({ id, threshold, detected }: { id: string; threshold: number; detected: number | null }) {
  const [value, setValue] = useState<number | string>(Math.round(threshold * 100));
  const set = useSetThreshold(id);
  const next = typeof value === 'number' ? value / 100 : Number.NaN;
  // mutateAsync, not mutate's callbacks: the change refetches the list, and this control may be gone by then.
  const apply = () =>
    set.mutateAsync(next).then(
      (r) =>
        notifications.show({
          color: 'green',
          message:
            `Threshold ${percent(r.threshold)}: ${r.created} new claim${r.created === 1 ? '' : 's'} in the inbox` +
            `, ${r.removed} untouched claim${r.removed === 1 ? '' : 's'} back among near misses` +
            (r.kept ? `, ${r.kept} below it kept (a person made, edited or triaged them)` : '') +
            '.',
        }),
      failed,
    );
  return (
    <Group gap="xs" align="flex-end" px="md" pb="xs">
      <NumberInput
        label="Threshold"
        description={detected !== null && detected !== threshold ? `Detection used ${percent(detected)}` : undefined}
        value={value}
        onChange={setValue}
        min={0}
        max={100}
        step={5}
        clampBehavior="strict"
        allowDecimal={false}
        w={120}
        size="xs"
      />
      <Button
        size="xs"
        variant="default"
        onClick={apply}
        loading={set.isPending}
        disabled={!Number.isFinite(next) || Math.abs(next - threshold) < 1e-6}
      >
        Apply
      </Button>
    </Group>
  );
}

function NearMiss({ id, s, editor }: { id: string; s: DocumentSentenceDto; editor: boolean }) {
  const promote = usePromoteSentence(id);
  // mutateAsync: the promoted sentence leaves the list (this row unmounts) before mutate's callbacks would run.
  const make = () =>
    promote.mutateAsync({ start: s.start, end: s.end }).then(
      (r) =>
        notifications.show({
          color: 'green',
          message: (
            <>
              {r.created ? 'Now a claim in the inbox. ' : 'It was already a claim. '}
              {/* Toasts render outside the router: a plain link. */}
              <Anchor href={`/claims/${r.claim.id}`} size="sm">
                Open it
              </Anchor>
            </>
          ),
        }),
      failed,
    );
  return (
    <div className="side-claim" data-testid="near-miss">
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <ScoreBadge score={s.score} />
        <div className="grow">
          <Text size="sm" lineClamp={3}>
            {s.text}
          </Text>
          <Group gap={6} mt={4} justify="space-between">
            <Text size="xs" c="dimmed">
              {s.speaker ?? 'Unknown speaker'}
            </Text>
            {editor && (
              <Button size="compact-xs" variant="light" onClick={make} loading={promote.isPending}>
                Make this a claim
              </Button>
            )}
          </Group>
        </div>
      </Group>
    </div>
  );
}

/** Sentences below the document's threshold, highest scores first: what the detector nearly flagged. */
export function NearMisses({ id, editor, ready }: { id: string; editor: boolean; ready: boolean }) {
  const list = useNearMisses(id, ready);
  if (!ready) return null;
  const first = list.data?.pages[0];
  return (
    <Paper withBorder radius="md" mt="md" data-testid="near-misses">
      <Text fw={600} size="sm" p="md" pb="xs">
        Near misses{first?.stored ? ` (${first.total})` : ''}
      </Text>
      {list.error ? (
        <ErrorAlert error={list.error} />
      ) : !first ? (
        <LoadingRows rows={3} />
      ) : !first.stored ? (
        <EmptyState title="No sentence scores kept for this document">
          It was processed before every sentence's score was stored, so its near misses and threshold are not available;
          its claims are unchanged. Select text in the document and enter a claim instead.
        </EmptyState>
      ) : (
        <>
          {editor ? (
            <ThresholdControl
              key={first.threshold}
              id={id}
              threshold={first.threshold!}
              detected={first.detectedThreshold}
            />
          ) : (
            <Text size="xs" c="dimmed" px="md" pb="xs">
              Threshold {percent(first.threshold!)}: sentences scoring at or above it are claims.
            </Text>
          )}
          {first.total === 0 ? (
            <EmptyState title="No near misses">Every sentence at this threshold is a claim.</EmptyState>
          ) : (
            <ScrollArea.Autosize mah="35vh">
              <Stack gap={0}>
                {(list.data?.pages ?? [])
                  .flatMap((p) => p.items)
                  .map((s) => (
                    <NearMiss key={s.index} id={id} s={s} editor={editor} />
                  ))}
              </Stack>
              <LoadMore list={list} />
            </ScrollArea.Autosize>
          )}
        </>
      )}
    </Paper>
  );
}
