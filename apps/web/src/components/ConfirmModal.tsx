import type { ReactNode } from 'react';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { ErrorAlert } from './common';

/** Asks before a destructive or public action: what will happen, and a button that says it. */
export function ConfirmModal({
  title,
  children,
  confirmLabel,
  colour = 'red',
  opened,
  onClose,
  onConfirm,
  pending,
  error,
  size = 'md',
  dismissLabel = 'Cancel',
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  colour?: string;
  opened: boolean;
  onClose: () => void;
  onConfirm: () => void;
  pending?: boolean;
  error?: unknown;
  size?: string;
  /** The button that closes without acting (when "Cancel" would be ambiguous, e.g. cancelling a schedule). */
  dismissLabel?: string;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} size={size}>
      <Stack gap="sm">
        {typeof children === 'string' ? <Text size="sm">{children}</Text> : children}
        {!!error && <ErrorAlert error={error} title="Not done" />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {dismissLabel}
          </Button>
          <Button color={colour} loading={pending} onClick={onConfirm} data-autofocus>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
