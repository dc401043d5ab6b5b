import { useState, type FormEvent } from 'react';
import { Button, ColorInput, Group, Modal, NumberInput, Stack, Switch, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { RatingDto } from '@factdesk/domain';
import { ErrorAlert } from '../../components/common';
import { useCreateRating, useUpdateRating, type RatingFields } from './queries';

/** Adds a rating to the scale, or edits one (its slug, used in public URLs, is fixed once made). */
export function RatingModal({
  rating,
  onClose,
  nextPosition,
}: {
  rating: RatingDto | null;
  onClose: () => void;
  nextPosition: number;
}) {
  const create = useCreateRating();
  const update = useUpdateRating();
  const [slug, setSlug] = useState('');
  const [f, setF] = useState<RatingFields>(
    rating
      ? {
          label: rating.label,
          description: rating.description,
          value: rating.value,
          colour: rating.colour,
          position: rating.position,
          active: rating.active,
        }
      : { label: '', description: '', value: null, colour: '#868e96', position: nextPosition, active: true },
  );
  const m = rating ? update : create;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const done = {
      onSuccess: () => (notifications.show({ color: 'green', message: 'Rating scale saved.' }), onClose()),
    };
    if (rating) update.mutate({ id: rating.id, ...f }, done);
    else create.mutate({ slug, ...f }, done);
  };
  return (
    <Modal opened onClose={onClose} title={rating ? `Edit “${rating.label}”` : 'Add a rating'}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          {!rating && (
            <TextInput
              label="Slug"
              description="Lower-case words joined by dashes; used in public URLs"
              required
              value={slug}
              onChange={(e) => setSlug(e.currentTarget.value)}
            />
          )}
          <TextInput
            label="Label"
            required
            value={f.label}
            onChange={(e) => setF({ ...f, label: e.currentTarget.value })}
          />
          <Textarea
            label="Description"
            autosize
            minRows={2}
            value={f.description}
            onChange={(e) => setF({ ...f, description: e.currentTarget.value })}
          />
          <Group grow>
            <NumberInput
              label="Value"
              description="ClaimReview ratingValue; empty for off-scale"
              value={f.value ?? ''}
              onChange={(v) => setF({ ...f, value: typeof v === 'number' ? v : null })}
              allowDecimal={false}
            />
            <NumberInput
              label="Position"
              value={f.position}
              onChange={(v) => setF({ ...f, position: typeof v === 'number' ? v : f.position })}
              allowDecimal={false}
            />
          </Group>
          <ColorInput label="Colour" value={f.colour} onChange={(colour) => setF({ ...f, colour })} format="hex" />
          <Switch
            label="Can be chosen for new verdicts"
            checked={f.active}
            onChange={(e) => setF({ ...f, active: e.currentTarget.checked })}
          />
          {m.error && <ErrorAlert error={m.error} title="Not saved" />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={m.isPending}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
