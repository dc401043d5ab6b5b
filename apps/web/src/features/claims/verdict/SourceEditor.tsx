import { useState } from 'react';
import { ActionIcon, Group, Paper, SegmentedControl, SimpleGrid, Text, TextInput, Textarea } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import type { SourceKind } from '@factdesk/domain';
import { urlProblem, type Source } from './merge';

/** One source of a verdict; its address is checked once the user has left the field. */
export function SourceEditor({
  index,
  source,
  onChange,
  onRemove,
}: {
  index: number;
  source: Source;
  onChange: (s: Source) => void;
  onRemove: () => void;
}) {
  const [touched, setTouched] = useState(false);
  const problem = touched ? urlProblem(source.url) : null;
  return (
    <Paper withBorder p="sm" radius="sm" data-testid={`source-${index}`}>
      <Group justify="space-between" mb={6}>
        <Text size="sm" fw={600}>
          Source {index + 1}
        </Text>
        <Group gap="xs">
          <SegmentedControl
            size="xs"
            value={source.kind}
            onChange={(v) => onChange({ ...source, kind: v as SourceKind })}
            data={[
              { value: 'primary', label: 'Primary' },
              { value: 'secondary', label: 'Secondary' },
            ]}
            aria-label={`Source ${index + 1} kind`}
          />
          <ActionIcon variant="subtle" color="red" onClick={onRemove} aria-label={`Remove source ${index + 1}`}>
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
        <TextInput
          label="URL"
          type="url"
          required
          value={source.url}
          error={problem}
          onBlur={() => setTouched(true)}
          onChange={(e) => onChange({ ...source, url: e.currentTarget.value })}
          placeholder="https://…"
        />
        <TextInput
          label="Title"
          value={source.title}
          onChange={(e) => onChange({ ...source, title: e.currentTarget.value })}
        />
        <TextInput
          label="Publisher"
          value={source.publisher ?? ''}
          onChange={(e) => onChange({ ...source, publisher: e.currentTarget.value || null })}
        />
        <TextInput
          label="Published on"
          type="date"
          value={source.publishedOn ?? ''}
          onChange={(e) => onChange({ ...source, publishedOn: e.currentTarget.value || null })}
        />
      </SimpleGrid>
      <Textarea
        mt="xs"
        label="Quoted passage"
        autosize
        minRows={1}
        value={source.quote ?? ''}
        onChange={(e) => onChange({ ...source, quote: e.currentTarget.value || null })}
      />
    </Paper>
  );
}
