import { useState, type FormEvent } from 'react';
import { Button, Chip, Group, Modal, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { ErrorAlert, submitOnCtrlEnter } from '../../components/common';
import { fromLocalInput } from '../../lib/format';
import { useWorkload } from './queries';

const QUICK_REASONS = [
  'Opinion, not a checkable fact',
  'Not of public interest',
  'Duplicate of another claim',
  'Outside our remit',
  'Already fact-checked',
];

export function DismissModal({
  count,
  opened,
  onClose,
  onDismiss,
  pending,
  error,
}: {
  count: number;
  opened: boolean;
  onClose: () => void;
  onDismiss: (reason: string) => void;
  pending: boolean;
  error: unknown;
}) {
  const [reason, setReason] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim()) onDismiss(reason.trim());
  };
  return (
    <Modal opened={opened} onClose={onClose} title={count === 1 ? 'Dismiss this claim' : `Dismiss ${count} claims`}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Chip.Group value={reason} onChange={(v) => setReason(v as string)}>
            <Group gap={6}>
              {QUICK_REASONS.map((r) => (
                <Chip key={r} value={r} size="xs" variant="outline">
                  {r}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
          <Textarea
            label="Reason"
            description="Kept in the claim's history. Ctrl+Enter dismisses."
            required
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            onKeyDown={submitOnCtrlEnter}
            data-autofocus
          />
          {!!error && <ErrorAlert error={error} title="Nothing was dismissed" />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" color="red" loading={pending} disabled={!reason.trim()}>
              Dismiss
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export interface AssignValues {
  assigneeId: string;
  dueAt: string | null;
  note?: string;
}

/** Pick who checks the claim(s), seeing everyone's open work and what is overdue. */
export function AssignModal({
  title,
  opened,
  onClose,
  onAssign,
  pending,
  error,
  initial,
}: {
  title: string;
  opened: boolean;
  onClose: () => void;
  onAssign: (v: AssignValues) => void;
  pending: boolean;
  error: unknown;
  initial?: { assigneeId?: string; dueAt?: string };
}) {
  const workload = useWorkload(opened);
  const [assigneeId, setAssigneeId] = useState<string | null>(initial?.assigneeId ?? null);
  const [due, setDue] = useState(initial?.dueAt ?? '');
  const [note, setNote] = useState('');
  const people = (workload.data ?? []).map((w) => ({
    value: w.user.id,
    label: `${w.user.name} — ${w.open} open${w.overdue ? `, ${w.overdue} overdue` : ''}`,
  }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (assigneeId) onAssign({ assigneeId, dueAt: fromLocalInput(due), note: note.trim() || undefined });
  };
  return (
    <Modal opened={opened} onClose={onClose} title={title}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Select
            label="Assign to"
            placeholder={workload.isPending ? 'Loading the team…' : 'Choose a person'}
            data={people}
            value={assigneeId}
            onChange={setAssigneeId}
            searchable
            required
            nothingFoundMessage="Nobody matches"
            data-autofocus
          />
          <TextInput label="Due" type="datetime-local" value={due} onChange={(e) => setDue(e.currentTarget.value)} />
          <Textarea
            label="Note for the reviewer"
            autosize
            minRows={2}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          {workload.error && <ErrorAlert error={workload.error} />}
          {!!error && <ErrorAlert error={error} title="Nothing was assigned" />}
          <Text size="xs" c="dimmed">
            The person is notified at once.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={pending} disabled={!assigneeId}>
              Assign
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
