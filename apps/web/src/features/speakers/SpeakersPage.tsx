import { useState } from 'react';
import { Anchor, Badge, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconSearch, IconUsers } from '@tabler/icons-react';
import type { SpeakerDto } from '@factdesk/domain';
import { EmptyState, ErrorAlert, PageHeader } from '../../components/common';
import { DataTable } from '../../components/DataTable';
import { linkLabel } from './links';
import { useMergeSpeaker, useSpeakers } from './queries';
import { ROLE_LABELS, SpeakerForm } from './SpeakerForm';

function NameCell({ s }: { s: SpeakerDto }) {
  return (
    <>
      <Group gap={6}>
        <Text size="sm" fw={500}>
          {s.name}
        </Text>
        {s.kind === 'organisation' && (
          <Badge size="xs" variant="light" color="gray">
            Organisation
          </Badge>
        )}
        {s.defaultRole && (
          <Badge size="xs" variant="light" color="grape">
            Always {ROLE_LABELS[s.defaultRole].toLowerCase()}
          </Badge>
        )}
      </Group>
      {s.aliases.length > 0 && (
        <Text size="xs" c="dimmed" lineClamp={2}>
          Also: {s.aliases.join(', ')}
        </Text>
      )}
    </>
  );
}

/** Merges one speaker into another chosen by search: claims move, the merged names become aliases. */
function MergeForm({ speaker, onDone }: { speaker: SpeakerDto; onDone: () => void }) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 200);
  const candidates = useSpeakers(debounced);
  const merge = useMergeSpeaker();
  const [intoId, setIntoId] = useState<string | null>(null);
  const options = (candidates.data ?? [])
    .filter((s) => s.id !== speaker.id)
    .map((s) => ({ value: s.id, label: s.name }));
  return (
    <Stack gap="sm">
      <Text size="sm">
        <strong>{speaker.name}</strong>&apos;s {speaker.claimCount} claims move to the speaker you choose, and &quot;
        {speaker.name}&quot; becomes one of their aliases.
      </Text>
      <Select
        label="Merge into"
        placeholder="Search speakers"
        searchable
        data-autofocus
        searchValue={search}
        onSearchChange={setSearch}
        filter={({ options }) => options}
        data={options}
        value={intoId}
        onChange={setIntoId}
        nothingFoundMessage="No such speaker"
      />
      {merge.error && <ErrorAlert error={merge.error} />}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
        <Button
          disabled={!intoId}
          loading={merge.isPending}
          onClick={() =>
            intoId &&
            merge.mutate(
              { id: speaker.id, intoId },
              {
                onSuccess: (s) => {
                  notifications.show({ color: 'green', message: `${speaker.name} merged into ${s.name}` });
                  onDone();
                },
              },
            )
          }
        >
          Merge
        </Button>
      </Group>
    </Stack>
  );
}

/** Editors' speakers screen: search, rename, merge, person or organisation, sameAs links, role everywhere. */
export function SpeakersPage() {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const speakers = useSpeakers(debounced);
  const [editing, setEditing] = useState<SpeakerDto | null>(null);
  const [merging, setMerging] = useState<SpeakerDto | null>(null);
  return (
    <>
      <PageHeader
        title="Speakers"
        description="Who said it: the names readers see, the labels transcripts use, and the links that identify them."
      />
      <Stack gap="md">
        <TextInput
          aria-label="Search speakers"
          placeholder="Search by name or alias"
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          maw={360}
        />
        <DataTable
          rows={speakers.data ?? []}
          loading={speakers.isPending}
          error={speakers.error}
          rowKey={(s) => s.id}
          rowProps={(s) => ({ 'data-testid': 'speaker-row', 'data-speaker': s.name })}
          minWidth={800}
          verticalSpacing="sm"
          highlightOnHover
          empty={
            <EmptyState
              title={debounced ? 'No speaker by that name' : 'No speakers yet'}
              icon={<IconUsers size={36} stroke={1.4} color="var(--mantine-color-gray-5)" />}
            >
              Speakers appear as documents are read and claims are entered.
            </EmptyState>
          }
          columns={[
            { key: 'name', header: 'Speaker', maxWidth: 380, cell: (s) => <NameCell s={s} /> },
            {
              key: 'links',
              header: 'Links',
              cell: (s) =>
                s.sameAs.length ? (
                  <Group gap={8}>
                    {s.sameAs.map((url) => (
                      <Anchor key={url} href={url} target="_blank" rel="noreferrer" size="sm">
                        {linkLabel(url)}
                      </Anchor>
                    ))}
                  </Group>
                ) : (
                  <Text size="sm" c="dimmed">
                    None
                  </Text>
                ),
            },
            { key: 'claims', header: 'Claims', cell: (s) => <Text size="sm">{s.claimCount}</Text> },
            { key: 'checks', header: 'Fact-checks', cell: (s) => <Text size="sm">{s.factCheckCount}</Text> },
            {
              key: 'actions',
              label: 'Actions',
              cell: (s) => (
                <Group gap={6} justify="flex-end" wrap="nowrap">
                  <Button
                    size="compact-xs"
                    variant="default"
                    onClick={() => setEditing(s)}
                    aria-label={`Edit ${s.name}`}
                  >
                    Edit
                  </Button>
                  <Button
                    size="compact-xs"
                    variant="light"
                    onClick={() => setMerging(s)}
                    aria-label={`Merge ${s.name}`}
                  >
                    Merge…
                  </Button>
                </Group>
              ),
            },
          ]}
        />
      </Stack>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title="Edit speaker" size="lg">
        {editing && <SpeakerForm key={editing.id} speaker={editing} onDone={() => setEditing(null)} />}
      </Modal>
      <Modal opened={merging !== null} onClose={() => setMerging(null)} title={`Merge ${merging?.name ?? ''}`}>
        {merging && <MergeForm key={merging.id} speaker={merging} onDone={() => setMerging(null)} />}
      </Modal>
    </>
  );
}
