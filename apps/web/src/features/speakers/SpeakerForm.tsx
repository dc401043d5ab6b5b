import { useState, type FormEvent } from 'react';
import { Button, Group, SegmentedControl, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { SPEAKER_ROLES, type SpeakerDto, type SpeakerKind, type SpeakerRole } from '@factdesk/domain';
import { ApiRequestError } from '../../api/client';
import { ErrorAlert } from '../../components/common';
import { parseLinks } from './links';
import { useUpdateSpeaker } from './queries';

export const ROLE_LABELS: Record<SpeakerRole, string> = {
  moderator: 'Moderator',
  interviewer: 'Interviewer',
  questioner: 'Questioner',
  participant: 'Participant',
  publication: 'The publication',
};

/** Renames a speaker (the old name stays an alias), and sets kind, aliases, sameAs links and role everywhere. */
export function SpeakerForm({ speaker, onDone }: { speaker: SpeakerDto; onDone: () => void }) {
  const update = useUpdateSpeaker();
  const [name, setName] = useState(speaker.name);
  const [kind, setKind] = useState<SpeakerKind>(speaker.kind);
  const [aliases, setAliases] = useState(speaker.aliases.join('\n'));
  const [links, setLinks] = useState(speaker.sameAs.join('\n'));
  const [role, setRole] = useState<SpeakerRole | null>(speaker.defaultRole);
  const parsed = parseLinks(links);
  const apiFields = Object.fromEntries(
    ((update.error instanceof ApiRequestError && update.error.body.fields) || []).map((f) => [f.field, f.message]),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (parsed.invalid.length) return;
    update.mutate(
      {
        id: speaker.id,
        ...(name.trim() !== speaker.name ? { name: name.trim() } : {}),
        kind,
        aliases: aliases
          .split('\n')
          .map((a) => a.trim())
          .filter(Boolean),
        sameAs: parsed.links,
        defaultRole: role,
      },
      {
        onSuccess: (s) => {
          notifications.show({ color: 'green', message: `${s.name} saved` });
          onDone();
        },
      },
    );
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <TextInput
          label="Name"
          description="As readers see it; the old name stays an alias, so transcripts still find them"
          required
          data-autofocus
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={apiFields.name}
        />
        <div>
          <Text size="sm" fw={500} mb={4}>
            Kind
          </Text>
          <SegmentedControl
            aria-label="Kind"
            value={kind}
            onChange={(v) => setKind(v as SpeakerKind)}
            data={[
              { value: 'person', label: 'Person' },
              { value: 'organisation', label: 'Organisation' },
            ]}
          />
        </div>
        <Textarea
          label="Aliases"
          description="Other names and transcript labels, one a line (e.g. KASICH, Gov. Kasich)"
          autosize
          minRows={2}
          value={aliases}
          onChange={(e) => setAliases(e.currentTarget.value)}
          error={apiFields.aliases}
        />
        <Textarea
          label="Links (sameAs)"
          description="Wikidata, Wikipedia or an official page, one address a line"
          autosize
          minRows={2}
          value={links}
          onChange={(e) => setLinks(e.currentTarget.value)}
          error={
            parsed.invalid.length ? `Not a web address: ${parsed.invalid.join(', ')}` : (apiFields.sameAs ?? undefined)
          }
        />
        <Select
          label="Role in every document"
          description="A moderator's or interviewer's lines stay out of To triage"
          placeholder="As each document says"
          clearable
          data={SPEAKER_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
          value={role}
          onChange={(v) => setRole(v as SpeakerRole | null)}
        />
        {update.error && !Object.keys(apiFields).length && <ErrorAlert error={update.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={update.isPending} disabled={parsed.invalid.length > 0}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
