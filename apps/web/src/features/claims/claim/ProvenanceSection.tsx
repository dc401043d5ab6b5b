import { useState, type FormEvent } from 'react';
import { Anchor, Badge, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  formatMediaTime,
  mediaLinkAt,
  PROVENANCE_FIELDS,
  type ClaimDetailDto,
  type ClaimProvenanceInput,
  type Provenance,
} from '@factdesk/domain';
import { ErrorAlert } from '../../../components/common';
import {
  ProvenanceFields,
  provenanceFromForm,
  provenanceToForm,
  type ProvenanceForm,
} from '../../../components/ProvenanceFields';
import { formatDate, webHref } from '../../../lib/format';
import { useSetProvenance } from '../queries';
import { Section } from './Section';

/** The claim's own value, where it differs from its document's (detection copies the document's date). */
const own = (c: ClaimDetailDto, f: keyof Provenance) =>
  c.provenance.own[f] !== null && c.provenance.own[f] !== c.provenance.document?.[f];
const hostOf = (url: string) => {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
};

/** Where and when the claim was said, as readers will see it; which parts are the claim's own, not its document's. */
export function ProvenanceSection({ claim: c, editable }: { claim: ClaimDetailDto; editable: boolean }) {
  const [editing, setEditing] = useState(false);
  const p = c.provenance.effective;
  const mine = (f: keyof Provenance) =>
    own(c, f) && c.document ? (
      <Badge size="xs" variant="light" ml={4}>
        this claim’s
      </Badge>
    ) : null;
  const media = p.mediaUrl ? mediaLinkAt(p.mediaUrl, p.mediaStartSeconds) : null;
  const rows: [string, keyof Provenance, React.ReactNode][] = [
    ['Appeared in', 'appearedIn', p.appearedIn],
    ['Said on', 'saidAt', p.saidAt && formatDate(p.saidAt)],
    ['Where', 'venue', p.venue],
    [
      'Original',
      'sourceUrl',
      p.sourceUrl && (
        <Anchor href={webHref(p.sourceUrl)} target="_blank" rel="noopener noreferrer" size="sm">
          {hostOf(p.sourceUrl)}
        </Anchor>
      ),
    ],
    [
      'Recording',
      'mediaUrl',
      media && (
        <Anchor href={media} target="_blank" rel="noopener noreferrer" size="sm">
          {p.mediaStartSeconds ? `at ${formatMediaTime(p.mediaStartSeconds)}` : 'open'}
        </Anchor>
      ),
    ],
  ];
  return (
    <Section
      title="Where and when"
      aside={
        editable && (
          <Button size="compact-xs" variant="light" aria-label="Edit where and when" onClick={() => setEditing(true)}>
            Edit
          </Button>
        )
      }
    >
      <Stack gap={4} data-testid="provenance">
        {rows.map(([label, f, shown]) => (
          <Text size="sm" key={label}>
            <Text span c="dimmed">
              {label}:{' '}
            </Text>
            {shown || (
              <Text span c="dimmed" fs="italic">
                not known
              </Text>
            )}
            {shown && mine(f)}
            {f === 'mediaUrl' && own(c, 'mediaStartSeconds') && !own(c, 'mediaUrl') && mine('mediaStartSeconds')}
          </Text>
        ))}
      </Stack>
      {editing && <ProvenanceModal claim={c} onClose={() => setEditing(false)} />}
    </Section>
  );
}

/** An editor's own values for the claim; an empty field takes its document's (shown as the placeholder). */
function ProvenanceModal({ claim: c, onClose }: { claim: ClaimDetailDto; onClose: () => void }) {
  const save = useSetProvenance(c.id);
  const [form, setForm] = useState<ProvenanceForm>(provenanceToForm(c.provenance.own));
  const [timeError, setTimeError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const { value, timeError: bad } = provenanceFromForm(form);
    setTimeError(bad);
    if (bad) return;
    // Send only what changed: null clears the claim's own value, so the document's stands again.
    const body: ClaimProvenanceInput = {};
    for (const f of PROVENANCE_FIELDS) {
      const before = c.provenance.own[f];
      // The form shows a day: an unchanged day keeps the stored instant.
      const sameDay = f === 'saidAt' && value.saidAt && String(before ?? '').startsWith(value.saidAt);
      const after = sameDay ? before : value[f];
      if (after !== before) (body as Record<string, unknown>)[f] = after;
    }
    save.mutate(body, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: 'Where and when saved.' });
        onClose();
      },
    });
  };
  return (
    <Modal opened onClose={onClose} title="Where and when it was said" size="lg">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {c.document
              ? 'Empty fields take the document’s values (shown greyed). Set a field to override it for this claim only, such as its own time in the recording.'
              : 'Entered by hand: these are all it has.'}
          </Text>
          <ProvenanceFields
            value={form}
            onChange={setForm}
            placeholders={c.provenance.document ? provenanceToForm(c.provenance.document) : {}}
            timeError={timeError}
          />
          {save.error && <ErrorAlert error={save.error} title="Not saved" />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
