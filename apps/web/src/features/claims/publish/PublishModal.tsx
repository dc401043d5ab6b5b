import { Anchor, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ErrorAlert } from '../../../components/common';
import { useClaimAction } from '../queries';

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

/** Publishing as a deliberate act: a preview of the public page and what will happen, then the button. */
export function PublishModal({
  claimId,
  onClose,
  onPublished,
}: {
  claimId: string;
  onClose: () => void;
  onPublished?: () => void;
}) {
  const act = useClaimAction();
  const publish = () =>
    act.mutateAsync({ id: claimId, action: 'publish' }).then(
      () => {
        notifications.show({ color: 'green', message: 'Published: the page, feeds and webhooks are out.' });
        onPublished?.();
        onClose();
      },
      () => undefined, // shown below from act.error
    );
  return (
    <Modal opened onClose={onClose} title="Publish this fact-check?" size="xl">
      <Stack gap="sm">
        <Text size="sm">Publishing now puts out, at once and for everyone:</Text>
        <PublishConsequences />
        <PublicPreview claimId={claimId} />
        {!!act.error && <ErrorAlert error={act.error} title="Not published" />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button color="green" loading={act.isPending} onClick={() => void publish()} data-testid="confirm-publish">
            Publish now
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
