import { useState, type FormEvent } from 'react';
import { Button, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { CLAIM_TYPES, type ClaimDetailDto, type ClaimType } from '@factdesk/domain';
import { ErrorAlert } from '../../../components/common';
import { TYPE_LABELS } from '../../../lib/format';
import { SpeakerInput } from '../../speakers/SpeakerInput';
import { useUpdateClaim, type ClaimEdit } from '../queries';

/** An editor's correction of what was said, by whom, and what kind of claim it is; the history keeps the old. */
export function EditClaimModal({ claim, onClose }: { claim: ClaimDetailDto; onClose: () => void }) {
  const update = useUpdateClaim(claim.id);
  const [text, setText] = useState(claim.text);
  const [speaker, setSpeaker] = useState(claim.speaker?.name ?? '');
  const [claimType, setClaimType] = useState<ClaimType>(claim.claimType);
  const [reason, setReason] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body: ClaimEdit = { reason: reason.trim() };
    if (text.trim() !== claim.text) body.text = text.trim();
    if (claimType !== claim.claimType) body.claimType = claimType;
    if (speaker.trim() !== (claim.speaker?.name ?? '')) {
      if (speaker.trim()) body.speakerName = speaker.trim();
      else body.speakerId = null;
    }
    update.mutate(body, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: 'Claim saved.' });
        onClose();
      },
    });
  };
  return (
    <Modal opened onClose={onClose} title="Edit claim" size="lg">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Textarea
            label="Claim"
            autosize
            minRows={3}
            required
            data-autofocus
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
          />
          <Group grow align="flex-start">
            <SpeakerInput value={speaker} onChange={setSpeaker} />
            <Select
              label="Type"
              data={CLAIM_TYPES.map((t) => ({ value: t, label: TYPE_LABELS[t] }))}
              value={claimType}
              onChange={(v) => v && setClaimType(v as ClaimType)}
              allowDeselect={false}
            />
          </Group>
          <TextInput
            label="Why"
            description="Kept in the claim's history"
            required
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          {update.error && <ErrorAlert error={update.error} title="The claim was not saved" />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={update.isPending}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
