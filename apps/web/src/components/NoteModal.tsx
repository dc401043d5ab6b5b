import { useState, type FormEvent, type ReactNode } from 'react';
import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { ErrorAlert, submitOnCtrlEnter } from './common';

/** A dialog asking for the one piece of text an action needs: a comment, a reason, a public note. */
export function NoteModal({
  title,
  label,
  description,
  submitLabel,
  colour,
  opened,
  onClose,
  onSubmit,
  pending,
  error,
  children,
}: {
  title: string;
  label: string;
  description?: string;
  submitLabel: string;
  colour?: string;
  opened: boolean;
  onClose: () => void;
  onSubmit: (text: string) => void;
  pending: boolean;
  error: unknown;
  children?: ReactNode;
}) {
  const [text, setText] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (text.trim()) onSubmit(text.trim());
  };
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Textarea
            label={label}
            description={description}
            required
            autosize
            minRows={3}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            onKeyDown={submitOnCtrlEnter}
            data-autofocus
          />
          {children}
          {!!error && <ErrorAlert error={error} title="Not done" />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" color={colour} loading={pending} disabled={!text.trim()}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
