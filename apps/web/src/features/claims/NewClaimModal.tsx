import { useState, type FormEvent } from 'react';
import { Button, Group, Modal, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { CLAIM_TYPES, type ClaimType } from '@factdesk/domain';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../components/common';
import { TYPE_LABELS } from '../../lib/format';
import { useCreateClaim, type NewClaimInput } from './queries';
import { SpeakerInput } from '../speakers/SpeakerInput';

/** Entering a claim by hand: for what the detector missed, or a claim heard outside any document. */
export function NewClaimModal({
  opened,
  onClose,
  initialText = '',
  initialSpeaker = '',
  place,
}: {
  opened: boolean;
  onClose: () => void;
  initialText?: string;
  initialSpeaker?: string;
  /** Where in a document the text was selected: the claim keeps it. */
  place?: Pick<NewClaimInput, 'documentId' | 'startOffset' | 'endOffset'>;
}) {
  const create = useCreateClaim();
  const navigate = useNavigate();
  const [text, setText] = useState(initialText);
  const [speakerName, setSpeakerName] = useState(initialSpeaker);
  const [claimType, setClaimType] = useState<ClaimType | null>(null);
  const [saidAt, setSaidAt] = useState('');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      {
        text,
        speakerName: speakerName.trim() || undefined,
        claimType: claimType ?? undefined,
        saidAt: saidAt || undefined,
        // Offsets only while the text is the selection as it was: an edited text no longer sits there.
        ...(place && text === initialText ? place : place ? { documentId: place.documentId } : {}),
      },
      { onSuccess: (claim) => void navigate(`/claims/${claim.id}`) },
    );
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Enter a claim" size="lg">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Textarea
            label="Claim"
            description="Verbatim, as it was said."
            autosize
            minRows={3}
            required
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            data-autofocus
          />
          <Group grow align="flex-start">
            <SpeakerInput value={speakerName} onChange={setSpeakerName} />
            <Select
              label="Type"
              placeholder="Detect"
              data={CLAIM_TYPES.map((t) => ({ value: t, label: TYPE_LABELS[t] }))}
              value={claimType}
              onChange={(v) => setClaimType(v as ClaimType | null)}
              clearable
            />
          </Group>
          <TextInput label="Said on" type="date" value={saidAt} onChange={(e) => setSaidAt(e.currentTarget.value)} />
          {create.error && <ErrorAlert error={create.error} title="The claim was not saved" />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Save claim
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
