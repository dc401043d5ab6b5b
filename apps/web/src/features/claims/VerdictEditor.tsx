import { useEffect, useState } from 'react';
import { ActionIcon, Alert, Badge, Button, Group, List, Paper, SegmentedControl, Select, SimpleGrid, Stack, Tabs, Text, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconPlus, IconTrash } from '@tabler/icons-react';
import type { RatingDto, SourceKind, VerdictDto } from '@factdesk/domain';
import { ApiRequestError } from '../../api/client';
import { ErrorAlert } from '../../components/common';
import { formatDateTime, webHref } from '../../lib/format';
import { renderMarkdown } from '../../lib/markdown';
import { useClaimAction, useRatings, useSaveVerdict, type VerdictContent } from './queries';

type Source = VerdictContent['sources'][number];

const EMPTY: VerdictContent = { ratingId: null, headline: '', conclusion: '', analysis: '', sources: [] };
const blankSource = (kind: SourceKind): Source => ({ url: '', title: '', publisher: null, publishedOn: null, quote: null, kind });

export function contentOf(v: VerdictDto | null): VerdictContent {
  if (!v) return EMPTY;
  return { ratingId: v.rating?.id ?? null, headline: v.headline, conclusion: v.conclusion, analysis: v.analysis, sources: v.sources.map(({ id: _id, ...s }) => s) };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const FIELDS = ['ratingId', 'headline', 'conclusion', 'analysis', 'sources'] as const;
const FIELD_LABELS: Record<(typeof FIELDS)[number], string> = { ratingId: 'Rating', headline: 'Headline', conclusion: 'Conclusion', analysis: 'Analysis', sources: 'Sources' };

/** Your edits laid over the newer version: the fields you changed win, the rest come from theirs. */
export function reapply(base: VerdictContent, mine: VerdictContent, theirs: VerdictContent): VerdictContent {
  const out = { ...theirs };
  for (const f of FIELDS) if (!same(base[f], mine[f])) (out as Record<string, unknown>)[f] = mine[f];
  return out;
}

export function urlProblem(url: string): string | null {
  if (!url.trim()) return 'Give the address of the source.';
  try {
    const u = new URL(url.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? null : 'Use an http(s) address.';
  } catch {
    return 'This is not a complete address (https://…).';
  }
}

function describe(content: VerdictContent, field: (typeof FIELDS)[number], ratings: RatingDto[]): string {
  if (field === 'ratingId') return ratings.find((r) => r.id === content.ratingId)?.label ?? 'none';
  if (field === 'sources') return content.sources.map((s) => s.url).join(', ') || 'none';
  return (content[field] || 'empty').slice(0, 240);
}

function SourceEditor({ index, source, onChange, onRemove }: { index: number; source: Source; onChange: (s: Source) => void; onRemove: () => void }) {
  const [touched, setTouched] = useState(false);
  const problem = touched ? urlProblem(source.url) : null;
  return (
    <Paper withBorder p="sm" radius="sm" data-testid={`source-${index}`}>
      <Group justify="space-between" mb={6}>
        <Text size="sm" fw={600}>
          Source {index + 1}
        </Text>
        <Group gap="xs">
          <SegmentedControl size="xs" value={source.kind} onChange={(v) => onChange({ ...source, kind: v as SourceKind })} data={[{ value: 'primary', label: 'Primary' }, { value: 'secondary', label: 'Secondary' }]} aria-label={`Source ${index + 1} kind`} />
          <ActionIcon variant="subtle" color="red" onClick={onRemove} aria-label={`Remove source ${index + 1}`}>
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
        <TextInput label="URL" type="url" required value={source.url} error={problem} onBlur={() => setTouched(true)} onChange={(e) => onChange({ ...source, url: e.currentTarget.value })} placeholder="https://…" />
        <TextInput label="Title" value={source.title} onChange={(e) => onChange({ ...source, title: e.currentTarget.value })} />
        <TextInput label="Publisher" value={source.publisher ?? ''} onChange={(e) => onChange({ ...source, publisher: e.currentTarget.value || null })} />
        <TextInput label="Published on" type="date" value={source.publishedOn ?? ''} onChange={(e) => onChange({ ...source, publishedOn: e.currentTarget.value || null })} />
      </SimpleGrid>
      <Textarea mt="xs" label="Quoted passage" autosize minRows={1} value={source.quote ?? ''} onChange={(e) => onChange({ ...source, quote: e.currentTarget.value || null })} />
    </Paper>
  );
}

/**
 * The verdict as a draft the user edits. Saves name the version they started from; when someone else
 * saved in between, the API refuses (409) with the newer version, shown here to reapply onto.
 */
export function VerdictEditor({ claimId, verdict, editable, canSubmit }: { claimId: string; verdict: VerdictDto | null; editable: boolean; canSubmit: boolean }) {
  const ratings = useRatings();
  const save = useSaveVerdict();
  const act = useClaimAction();
  const [base, setBase] = useState<{ version: number; content: VerdictContent }>({ version: verdict?.version ?? 0, content: contentOf(verdict) });
  const [draft, setDraft] = useState<VerdictContent>(base.content);
  const [conflict, setConflict] = useState<VerdictDto | null>(null);
  const [tab, setTab] = useState<string | null>('write');
  const dirty = !same(draft, base.content);

  // Someone else's save (or ours, refetched) arrives: follow it unless the user has unsaved edits.
  useEffect(() => {
    const version = verdict?.version ?? 0;
    if (version !== base.version && !dirty) {
      const content = contentOf(verdict);
      setBase({ version, content });
      setDraft(content);
    }
  }, [verdict]);

  const set = <K extends keyof VerdictContent>(k: K, v: VerdictContent[K]) => setDraft((d) => ({ ...d, [k]: v }));
  const badUrls = draft.sources.some((s) => urlProblem(s.url));

  const doSave = async (): Promise<boolean> => {
    try {
      const saved = await save.mutateAsync({ id: claimId, version: base.version, ...draft, sources: draft.sources.map((s) => ({ ...s, url: s.url.trim() })) });
      const content = contentOf(saved);
      setBase({ version: saved.version, content });
      setDraft(content);
      setConflict(null);
      return true;
    } catch (err) {
      const current = err instanceof ApiRequestError && err.status === 409 ? (err.body.current as VerdictDto | null | undefined) : undefined;
      if (current) setConflict(current);
      return false;
    }
  };

  const submit = async () => {
    if (dirty && !(await doSave())) return;
    act.mutate({ id: claimId, action: 'submit' }, { onSuccess: () => notifications.show({ color: 'green', message: 'Submitted for review. The editors have been notified.' }) });
  };

  const resolve = (mode: 'reapply' | 'theirs') => {
    if (!conflict) return;
    const theirs = contentOf(conflict);
    setDraft(mode === 'reapply' ? reapply(base.content, draft, theirs) : theirs);
    setBase({ version: conflict.version, content: theirs });
    setConflict(null);
    save.reset();
  };

  const activeRatings = (ratings.data ?? []).filter((r) => r.active || r.id === draft.ratingId);
  const rating = ratings.data?.find((r) => r.id === draft.ratingId);

  if (!editable) {
    if (!verdict) return <Text c="dimmed" size="sm">No verdict has been drafted yet.</Text>;
    return <VerdictView verdict={verdict} />;
  }

  return (
    <Stack gap="sm">
      {conflict && (
        <Alert color="yellow" icon={<IconAlertTriangle size={18} />} title={`${conflict.author.name} saved version ${conflict.version} while you were editing`} data-testid="verdict-conflict">
          <Text size="sm" mb="xs">
            Nothing of yours was overwritten, and nothing was saved. Here is what differs:
          </Text>
          <Stack gap={6} mb="sm">
            {FIELDS.filter((f) => !same(base.content[f], contentOf(conflict)[f]) || !same(base.content[f], draft[f])).map((f) => (
              <Paper key={f} p="xs" withBorder radius="sm">
                <Text size="xs" fw={700}>
                  {FIELD_LABELS[f]}
                </Text>
                <Text size="xs">
                  <strong>Version {conflict.version}:</strong> {describe(contentOf(conflict), f, ratings.data ?? [])}
                </Text>
                <Text size="xs">
                  <strong>Yours:</strong> {describe(draft, f, ratings.data ?? [])}
                </Text>
              </Paper>
            ))}
          </Stack>
          <Group gap="xs">
            <Button size="xs" onClick={() => resolve('reapply')}>
              Reapply my changes to version {conflict.version}
            </Button>
            <Button size="xs" variant="default" onClick={() => resolve('theirs')}>
              Discard mine, use version {conflict.version}
            </Button>
          </Group>
        </Alert>
      )}
      <Group grow align="flex-start">
        <Select
          label="Rating"
          placeholder="Choose a rating"
          data={activeRatings.map((r) => ({ value: r.id, label: r.label }))}
          value={draft.ratingId}
          onChange={(v) => set('ratingId', v)}
          leftSection={rating ? <span className="swatch" style={{ background: rating.colour }} /> : undefined}
          description={rating?.description}
          clearable
        />
        <TextInput label="Headline" value={draft.headline} onChange={(e) => set('headline', e.currentTarget.value)} maxLength={300} />
      </Group>
      <Textarea label="Conclusion" description="One or two sentences readers see first." autosize minRows={2} value={draft.conclusion} onChange={(e) => set('conclusion', e.currentTarget.value)} />
      <Tabs value={tab} onChange={setTab} variant="outline">
        <Tabs.List>
          <Tabs.Tab value="write">Analysis</Tabs.Tab>
          <Tabs.Tab value="preview">Preview</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="write" pt="xs">
          <Textarea aria-label="Analysis (Markdown)" description="Markdown: **bold**, _italic_, [links](https://…), lists, > quotes." autosize minRows={6} value={draft.analysis} onChange={(e) => set('analysis', e.currentTarget.value)} />
        </Tabs.Panel>
        <Tabs.Panel value="preview" pt="xs">
          {/* Sanitised by DOMPurify in renderMarkdown: the only HTML the app inserts. */}
          <div className="markdown" data-testid="analysis-preview" dangerouslySetInnerHTML={{ __html: renderMarkdown(draft.analysis || '_Nothing written yet._') }} />
        </Tabs.Panel>
      </Tabs>
      <Group justify="space-between">
        <Text size="sm" fw={600}>
          Sources ({draft.sources.length})
        </Text>
        <Button size="compact-sm" variant="light" leftSection={<IconPlus size={14} />} onClick={() => set('sources', [...draft.sources, blankSource(draft.sources.some((s) => s.kind === 'primary') ? 'secondary' : 'primary')])}>
          Add source
        </Button>
      </Group>
      {draft.sources.map((s, i) => (
        <SourceEditor key={i} index={i} source={s} onChange={(next) => set('sources', draft.sources.map((x, j) => (j === i ? next : x)))} onRemove={() => set('sources', draft.sources.filter((_, j) => j !== i))} />
      ))}
      {verdict && verdict.problems.length > 0 && !dirty && (
        <Alert color="gray" title="Before it can be approved">
          <List size="sm">
            {verdict.problems.map((p) => (
              <List.Item key={p}>{p}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {save.error && !conflict && <ErrorAlert error={save.error} title="The verdict was not saved" />}
      {act.error && <ErrorAlert error={act.error} title="Not submitted" />}
      <Group justify="space-between">
        <Text size="xs" c="dimmed">
          {!verdict ? 'Not saved yet' : verdict.version === base.version ? `Version ${base.version} · saved ${formatDateTime(verdict.updatedAt)} by ${verdict.author.name}` : `Editing from version ${base.version}; version ${verdict.version} was saved since`}
          {dirty && ' · unsaved changes'}
        </Text>
        <Group gap="xs">
          <Button variant="default" onClick={() => void doSave()} loading={save.isPending} disabled={!dirty || !!conflict || badUrls}>
            Save draft
          </Button>
          {canSubmit && (
            <Button onClick={() => void submit()} loading={act.isPending} disabled={!!conflict || badUrls}>
              Submit for review
            </Button>
          )}
        </Group>
      </Group>
    </Stack>
  );
}

/** A verdict as readers will see it: for review and for everyone who may not edit it. */
export function VerdictView({ verdict }: { verdict: VerdictDto }) {
  return (
    <Stack gap="xs" data-testid="verdict-view">
      <Group gap="xs">
        {verdict.rating ? (
          <Badge size="lg" radius="sm" color={verdict.rating.colour} autoContrast>
            {verdict.rating.label}
          </Badge>
        ) : (
          <Badge variant="outline">No rating</Badge>
        )}
        <Text size="xs" c="dimmed">
          Version {verdict.version} by {verdict.author.name}
          {verdict.submittedAt && ` · submitted ${formatDateTime(verdict.submittedAt)}`}
        </Text>
      </Group>
      <Title order={3} size="h4">
        {verdict.headline || 'No headline'}
      </Title>
      <Text size="sm" fw={500}>
        {verdict.conclusion}
      </Text>
      <div className="markdown" dangerouslySetInnerHTML={{ __html: renderMarkdown(verdict.analysis) }} />
      {verdict.sources.length > 0 && (
        <div>
          <Text size="sm" fw={600}>
            Sources
          </Text>
          <List size="sm" spacing={4}>
            {verdict.sources.map((s) => (
              <List.Item key={s.id}>
                <Badge size="xs" variant={s.kind === 'primary' ? 'filled' : 'outline'} mr={6}>
                  {s.kind}
                </Badge>
                <a href={webHref(s.url)} target="_blank" rel="noopener noreferrer">
                  {s.title || s.url}
                </a>
                {s.publisher && <Text span size="xs" c="dimmed">{` · ${s.publisher}`}</Text>}
              </List.Item>
            ))}
          </List>
        </div>
      )}
      {verdict.problems.length > 0 && (
        <Alert color="orange" title="Not ready for approval">
          <List size="sm">
            {verdict.problems.map((p) => (
              <List.Item key={p}>{p}</List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Stack>
  );
}
