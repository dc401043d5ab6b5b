import { Anchor, Button, Group, List, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { PublicationScheduleDto } from '@factdesk/domain';
import { ErrorAlert } from '../../../components/common';
import { formatDateTime, toLocalSecondsInput } from '../../../lib/format';
import { useClaimAction, useSchedulePublication } from '../queries';

export const previewUrl = (claimId: string, at?: string) =>
  `/api/claims/${claimId}/preview${at ? `?at=${encodeURIComponent(at)}` : ''}`;

/** What Publish sets off, in words, next to the page itself: nothing goes out until the editor confirms. */
export function PublishConsequences() {
  return (
    <List size="sm" spacing={2}>
      <List.Item>the public page below, open to anyone and to search engines, with its ClaimReview;</List.Item>
      <List.Item>the JSON Feed, Atom, RSS and ClaimReview feeds that readers and partners poll;</List.Item>
      <List.Item>a signed fact_check.published webhook to every endpoint subscribed.</List.Item>
    </List>
  );
}

/** The staff preview: the very page readers will get, framed from the API (sandboxed: no scripts, no forms). */
export function PublicPreview({ claimId, at }: { claimId: string; at?: string }) {
  const src = previewUrl(claimId, at);
  return (
    <Stack gap={4}>
      <iframe
        title="Preview of the public page"
        src={src}
        sandbox=""
        data-testid="publish-preview"
        style={{ width: '100%', height: 420, border: '1px solid var(--mantine-color-gray-4)', borderRadius: 4 }}
      />
      <Anchor href={src} target="_blank" rel="noopener" size="xs">
        Open the preview in a new tab
      </Anchor>
    </Stack>
  );
}

const TIME_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** A `datetime-local` value (the reader's local time) as an instant, or null while it is not a whole one. */
function instantOf(local: string): string | null {
  if (!local) return null;
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/**
 * Publishing as a deliberate act: a preview of the public page and what will happen, then the button — now,
 * or at a chosen time (`Schedule…`); with `reschedule`, only the time of the pending schedule is changed.
 */
export function PublishModal({
  claimId,
  onClose,
  onPublished,
  reschedule,
}: {
  claimId: string;
  onClose: () => void;
  onPublished?: () => void;
  /** The pending schedule to move. */
  reschedule?: PublicationScheduleDto;
}) {
  const act = useClaimAction();
  const schedule = useSchedulePublication();
  const [scheduling, setScheduling] = useState(Boolean(reschedule));
  // Ten minutes from now, to start from: a time already past would be refused.
  const [local, setLocal] = useState(() =>
    toLocalSecondsInput(reschedule?.publishAt ?? new Date(Date.now() + 10 * 60_000).toISOString()),
  );
  const at = instantOf(local);
  const past = at !== null && new Date(at).getTime() <= Date.now();
  const publish = () =>
    act.mutateAsync({ id: claimId, action: 'publish' }).then(
      () => {
        notifications.show({ color: 'green', message: 'Published: the page, feeds and webhooks are out.' });
        onPublished?.();
        onClose();
      },
      () => undefined, // shown below from act.error
    );
  const confirmSchedule = () => {
    if (!at) return;
    schedule.mutate(
      { id: claimId, publishAt: at, reschedule: Boolean(reschedule) },
      {
        onSuccess: (s) => {
          notifications.show({
            color: 'green',
            message: `${reschedule ? 'Rescheduled' : 'Scheduled'}: it goes out on ${formatDateTime(s.publishAt)}.`,
          });
          onClose();
        },
      },
    );
  };
  const title = reschedule
    ? 'Reschedule this publication'
    : scheduling
      ? 'Schedule this fact-check?'
      : 'Publish this fact-check?';
  return (
    <Modal opened onClose={onClose} title={title} size="xl">
      <Stack gap="sm">
        <Text size="sm">
          {scheduling
            ? 'At the time you choose, this puts out for everyone:'
            : 'Publishing now puts out, at once and for everyone:'}
        </Text>
        <PublishConsequences />
        {scheduling && (
          <TextInput
            type="datetime-local"
            step={1}
            label="Publish at"
            description={`Your local time (${TIME_ZONE}). Until then you can move or cancel it on the claim page.`}
            value={local}
            onChange={(e) => setLocal(e.currentTarget.value)}
            error={
              !local || at === null ? 'Choose a date and time.' : past ? 'Choose a time in the future.' : undefined
            }
            required
            data-testid="schedule-at"
            maw={320}
          />
        )}
        <PublicPreview claimId={claimId} at={scheduling && at && !past ? at : undefined} />
        {!!act.error && <ErrorAlert error={act.error} title="Not published" />}
        {!!schedule.error && <ErrorAlert error={schedule.error} title="Not scheduled" />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          {scheduling ? (
            <>
              {!reschedule && (
                <Button variant="subtle" onClick={() => setScheduling(false)}>
                  Publish now instead
                </Button>
              )}
              <Button
                color="blue"
                loading={schedule.isPending}
                disabled={!at || past}
                onClick={confirmSchedule}
                data-testid="confirm-schedule"
              >
                {reschedule ? 'Reschedule' : 'Schedule publication'}
              </Button>
            </>
          ) : (
            <>
              <Button variant="light" onClick={() => setScheduling(true)} data-testid="schedule-publish">
                Schedule…
              </Button>
              <Button
                color="green"
                loading={act.isPending}
                onClick={() => void publish()}
                data-testid="confirm-publish"
              >
                Publish now
              </Button>
            </>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
