import { useEffect, useRef } from 'react';
import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { RatingDto, VerdictDto } from '@factdesk/domain';
import type { VerdictContent } from '../queries';
import { changedFields, conflictFields, contentOf, describe, FIELD_LABELS, type Field } from './merge';

/**
 * Someone saved while you edited (`on: 'save'`) or since the version you tried to submit (`on: 'submit'`):
 * what is in question, side by side, and the ways on. Scrolled into sight when it appears.
 */
export function ConflictAlert({
  conflict,
  on,
  baseVersion,
  base,
  draft,
  ratings,
  onResolve,
}: {
  conflict: VerdictDto;
  on: 'save' | 'submit';
  baseVersion: number;
  base: VerdictContent;
  draft: VerdictContent;
  ratings: readonly RatingDto[];
  onResolve: (mode: 'reapply' | 'theirs') => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    ref.current?.focus({ preventScroll: true });
  }, [conflict.version]);

  const theirs = contentOf(conflict);
  const both = on === 'save' ? conflictFields(base, draft, theirs) : [];
  const theirsOnly = changedFields(base, theirs).filter((f) => !both.includes(f));
  const row = (f: Field, mine: boolean) => (
    <Paper key={f} p="xs" withBorder radius="sm">
      <Text size="xs" fw={700}>
        {FIELD_LABELS[f]}
      </Text>
      {!mine && (
        <Text size="xs">
          <strong>{baseVersion ? `Version ${baseVersion}` : 'Before'}:</strong> {describe(base, f, ratings)}
        </Text>
      )}
      <Text size="xs">
        <strong>Version {conflict.version}:</strong> {describe(theirs, f, ratings)}
      </Text>
      {mine && (
        <Text size="xs">
          <strong>Yours:</strong> {describe(draft, f, ratings)}
        </Text>
      )}
    </Paper>
  );

  return (
    <Alert
      ref={ref}
      tabIndex={-1}
      color="yellow"
      icon={<IconAlertTriangle size={18} />}
      title={
        on === 'save'
          ? `${conflict.author.name} saved version ${conflict.version} while you were editing`
          : `Not submitted: ${conflict.author.name} saved version ${conflict.version} since the version you see`
      }
      data-testid="verdict-conflict"
    >
      <Text size="sm" mb="xs">
        {on === 'save'
          ? both.length
            ? 'Nothing of yours was overwritten, and nothing was saved. You both changed:'
            : 'Nothing of yours was overwritten, and nothing was saved. You changed different fields: yours can go on top of theirs.'
          : 'Nothing was submitted. Look at what changed, then submit the version you have read.'}
      </Text>
      <Stack gap={6} mb="sm" data-testid="conflict-fields">
        {both.map((f) => row(f, true))}
      </Stack>
      {theirsOnly.length > 0 && (
        <>
          <Text size="sm" mb={4}>
            {on === 'save' ? `Version ${conflict.version} also changed (kept as they are):` : 'What changed:'}
          </Text>
          <Stack gap={6} mb="sm" data-testid="conflict-theirs">
            {theirsOnly.map((f) => row(f, false))}
          </Stack>
        </>
      )}
      <Group gap="xs">
        {on === 'save' ? (
          <>
            <Button size="xs" onClick={() => onResolve('reapply')}>
              Reapply my changes to version {conflict.version}
            </Button>
            <Button size="xs" variant="default" onClick={() => onResolve('theirs')}>
              Discard mine, use version {conflict.version}
            </Button>
          </>
        ) : (
          <Button size="xs" onClick={() => onResolve('theirs')}>
            Show version {conflict.version}
          </Button>
        )}
      </Group>
    </Alert>
  );
}
