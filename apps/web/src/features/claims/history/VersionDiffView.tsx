import { Badge, Group, Stack, Text } from '@mantine/core';
import { webHref } from '../../../lib/format';
import './diff.css';
import { diffVersions, type Piece, type SourceDiff, type VersionText } from './diff';

/** Inserted and deleted words as <ins>/<del>: coloured, underlined or struck through, and announced to screen readers. */
export function DiffText({ pieces }: { pieces: Piece[] }) {
  if (!pieces.length)
    return (
      <Text span size="sm" c="dimmed">
        (empty)
      </Text>
    );
  return (
    <span className="diff-text">
      {pieces.map((p, i) => {
        if (p.kind === 'same') return <span key={i}>{p.text}</span>;
        // The spaces around a change stay outside its mark, so the underline or strike covers words only.
        const [, lead, words, trail] = /^(\s*)([\s\S]*?)(\s*)$/.exec(p.text)!;
        const Mark = p.kind === 'added' ? 'ins' : 'del';
        return (
          <span key={i}>
            {lead}
            {words && <Mark>{words}</Mark>}
            {trail}
          </span>
        );
      })}
    </span>
  );
}

const CHANGE_LABEL: Record<SourceDiff['change'], { label: string; colour: string }> = {
  added: { label: 'Added', colour: 'green' },
  removed: { label: 'Removed', colour: 'red' },
  changed: { label: 'Changed', colour: 'orange' },
  same: { label: 'Unchanged', colour: 'gray' },
};

const FIELD_LABEL: Record<string, string> = {
  title: 'title',
  publisher: 'publisher',
  publishedOn: 'date',
  quote: 'quote',
  kind: 'kind',
};

function SourceRow({ s }: { s: SourceDiff }) {
  const shown = s.after ?? s.before!;
  const { label, colour } = CHANGE_LABEL[s.change];
  return (
    <div data-testid="diff-source" data-change={s.change}>
      <Group gap={6} wrap="nowrap" align="baseline">
        <Badge size="xs" color={colour} variant={s.change === 'same' ? 'outline' : 'light'} style={{ flexShrink: 0 }}>
          {label}
        </Badge>
        <Text size="sm" td={s.change === 'removed' ? 'line-through' : undefined}>
          <a href={webHref(s.url)} target="_blank" rel="noopener noreferrer">
            {shown.title || s.url}
          </a>
          <Text span size="xs" c="dimmed">
            {` · ${shown.kind}`}
          </Text>
        </Text>
      </Group>
      {s.fields.map((f) => (
        <Text size="xs" key={f.field} ml="lg">
          <Text span c="dimmed">{`${FIELD_LABEL[f.field]}: `}</Text>
          <DiffText pieces={f.pieces} />
        </Text>
      ))}
    </div>
  );
}

/** Two versions field by field; fields that did not change are named, not repeated. */
export function VersionDiffView({ before, after }: { before: VersionText; after: VersionText }) {
  const d = diffVersions(before, after);
  const same = d.fields.filter((f) => !f.changed).map((f) => f.label.toLowerCase());
  const sourcesChanged = d.sources.some((s) => s.change !== 'same');
  return (
    <Stack gap="sm" data-testid="version-diff">
      {!d.changed && <Text size="sm">No changes between these versions.</Text>}
      {d.fields
        .filter((f) => f.changed)
        .map((f) => (
          <div key={f.field} data-testid={`diff-${f.field}`}>
            <Text size="xs" fw={700} tt="uppercase" c="dimmed">
              {f.label}
            </Text>
            <Text size="sm" className="pre-wrap">
              <DiffText pieces={f.pieces} />
            </Text>
          </div>
        ))}
      {sourcesChanged && (
        <div>
          <Text size="xs" fw={700} tt="uppercase" c="dimmed">
            Sources
          </Text>
          <Stack gap={4}>
            {d.sources.map((s, i) => (
              <SourceRow key={`${s.url}-${i}`} s={s} />
            ))}
          </Stack>
        </div>
      )}
      {d.changed && (same.length > 0 || !sourcesChanged) && (
        <Text size="xs" c="dimmed">
          Unchanged: {[...same, ...(sourcesChanged ? [] : ['sources'])].join(', ')}.
        </Text>
      )}
    </Stack>
  );
}
