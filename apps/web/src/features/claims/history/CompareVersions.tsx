import { useState } from 'react';
import { Group, NativeSelect, Paper, Text } from '@mantine/core';
import type { VersionText } from './diff';
import { VersionDiffView } from './VersionDiffView';

export interface Compared {
  version: number;
  label: string;
  text: VersionText;
}

/** Any two versions, the older on the left: the last two by default. */
export function CompareVersions({ versions, name }: { versions: Compared[]; name: string }) {
  // Null until chosen: the default follows new versions as they arrive.
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  if (versions.length < 2) return null;
  const a = versions.find((v) => v.version === from) ?? versions.at(-2)!;
  const b = versions.find((v) => v.version === to) ?? versions.at(-1)!;
  const options = versions.map((v) => ({ value: String(v.version), label: v.label }));
  return (
    <Paper withBorder p="sm" radius="sm" bg="gray.0" data-testid={`compare-${name}`}>
      <Group gap="xs" align="flex-end" mb="sm">
        <NativeSelect
          size="xs"
          label="Compare"
          data={options}
          value={String(a.version)}
          onChange={(e) => setFrom(Number(e.currentTarget.value))}
          data-testid={`compare-${name}-from`}
        />
        <NativeSelect
          size="xs"
          label="with"
          data={options}
          value={String(b.version)}
          onChange={(e) => setTo(Number(e.currentTarget.value))}
          data-testid={`compare-${name}-to`}
        />
        {/* A key for the eye; screen readers hear each change announced instead. */}
        <Text size="xs" c="dimmed" pb={6} className="diff-text" aria-hidden>
          <ins>inserted</ins> · <del>deleted</del>
        </Text>
      </Group>
      <VersionDiffView before={a.text} after={b.text} />
    </Paper>
  );
}
