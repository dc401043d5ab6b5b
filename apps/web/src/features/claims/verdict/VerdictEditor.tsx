import { useState } from 'react';
import { Alert, Button, Group, List, Select, Stack, Tabs, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { verdictProblems, type VerdictDto } from '@factdesk/domain';
import { ErrorAlert } from '../../../components/common';
import { formatDateTime, formatTime } from '../../../lib/format';
import { renderMarkdown } from '../../../lib/markdown';
import { useClaimAction, useRatings } from '../queries';
import { ConflictAlert } from './ConflictAlert';
import { LeaveGuard } from './LeaveGuard';
import { blankSource, contentOf, urlProblem } from './merge';
import { SourceEditor } from './SourceEditor';
import { useVerdictDraft } from './useVerdictDraft';
import { VerdictView } from './VerdictView';

/** The verdict: edited by its reviewer (and editors in review), read by everyone else. */
export function VerdictEditor({
  claimId,
  verdict,
  editable,
  canSubmit,
}: {
  claimId: string;
  verdict: VerdictDto | null;
  editable: boolean;
  canSubmit: boolean;
}) {
  if (editable) return <Editor claimId={claimId} verdict={verdict} canSubmit={canSubmit} />;
  if (!verdict)
    return (
      <Text c="dimmed" size="sm">
        No verdict has been drafted yet.
      </Text>
    );
  return <VerdictView verdict={verdict} />;
}

function Editor({ claimId, verdict, canSubmit }: { claimId: string; verdict: VerdictDto | null; canSubmit: boolean }) {
  const ratings = useRatings();
  const act = useClaimAction();
  const d = useVerdictDraft(claimId, verdict);
  const { base, draft, conflict, dirty, set, save, doSave, resolve } = d;
  const [tab, setTab] = useState<string | null>('write');
  const badUrls = draft.sources.some((s) => urlProblem(s.url));
  const activeRatings = (ratings.data ?? []).filter((r) => r.active || r.id === draft.ratingId);
  const rating = ratings.data?.find((r) => r.id === draft.ratingId);
  // The rule the API applies to submission and approval alike, on what is on screen.
  const missing = verdictProblems(draft);

  const submit = async () => {
    act.reset();
    const saved = dirty ? await doSave() : undefined;
    if (saved === null) return;
    // What is submitted: the version on screen, or the one just saved from it.
    const seen = saved ? { version: saved.version, content: contentOf(saved) } : base;
    // Not mutate's onSuccess: the refetch that follows a submit swaps this editor for the verdict's view, and
    // TanStack Query drops the callbacks of a component that unmounted; the promise is kept either way.
    await act.mutateAsync({ id: claimId, action: 'submit', version: seen.version }).then(
      () => notifications.show({ color: 'green', message: 'Submitted for review. The editors have been notified.' }),
      (err) => d.staleSubmit(err, seen) && act.reset(), // a stale version is shown as what changed; others as errors
    );
  };

  return (
    <Stack gap="sm">
      <LeaveGuard
        when={d.unkept}
        message="Your latest edits are not kept yet (the draft is saved a moment after you stop typing, and that has not happened or failed). Leave without them?"
      />
      {d.restored && (
        <Alert
          color="blue"
          title={`Draft restored (saved ${formatTime(d.restored)})`}
          data-testid="draft-restored"
          withCloseButton={false}
        >
          <Group justify="space-between" gap="xs">
            <Text size="sm">Your unsaved edits from last time are back. Save the draft to make them the verdict.</Text>
            <Button size="xs" variant="default" onClick={() => void d.discard()}>
              Discard draft
            </Button>
          </Group>
        </Alert>
      )}
      {conflict && (
        <ConflictAlert
          conflict={conflict}
          on={d.conflictOn}
          baseVersion={base.version}
          base={base.content}
          draft={draft}
          ratings={ratings.data ?? []}
          onResolve={resolve}
        />
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
        <TextInput
          label="Headline"
          value={draft.headline}
          onChange={(e) => set('headline', e.currentTarget.value)}
          maxLength={300}
        />
      </Group>
      <Textarea
        label="Conclusion"
        description="One or two sentences readers see first."
        autosize
        minRows={2}
        value={draft.conclusion}
        onChange={(e) => set('conclusion', e.currentTarget.value)}
      />
      <Tabs value={tab} onChange={setTab} variant="outline">
        <Tabs.List>
          <Tabs.Tab value="write">Analysis</Tabs.Tab>
          <Tabs.Tab value="preview">Preview</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="write" pt="xs">
          <Textarea
            aria-label="Analysis (Markdown)"
            description="Markdown: **bold**, _italic_, [links](https://…), lists, > quotes."
            autosize
            minRows={6}
            value={draft.analysis}
            onChange={(e) => set('analysis', e.currentTarget.value)}
          />
        </Tabs.Panel>
        <Tabs.Panel value="preview" pt="xs">
          {/* Sanitised by DOMPurify in renderMarkdown: the only HTML the app inserts. */}
          <div
            className="markdown"
            data-testid="analysis-preview"
            dangerouslySetInnerHTML={{ __html: renderMarkdown(draft.analysis || '_Nothing written yet._') }}
          />
        </Tabs.Panel>
      </Tabs>
      <Group justify="space-between">
        <Text size="sm" fw={600}>
          Sources ({draft.sources.length})
        </Text>
        <Button
          size="compact-sm"
          variant="light"
          leftSection={<IconPlus size={14} />}
          onClick={() => set('sources', [...draft.sources, blankSource(draft.sources)])}
        >
          Add source
        </Button>
      </Group>
      {draft.sources.map((s, i) => (
        <SourceEditor
          key={i}
          index={i}
          source={s}
          onChange={(next) =>
            set(
              'sources',
              draft.sources.map((x, j) => (j === i ? next : x)),
            )
          }
          onRemove={() =>
            set(
              'sources',
              draft.sources.filter((_, j) => j !== i),
            )
          }
        />
      ))}
      {save.error && !conflict && <ErrorAlert error={save.error} title="The verdict was not saved" />}
      {act.error && <ErrorAlert error={act.error} title="Not submitted" />}
      {d.keeping.error && <ErrorAlert error={d.keeping.error} title="Your edits could not be kept as a draft" />}
      <Group justify="space-between" align="flex-start">
        <Text size="xs" c="dimmed" data-testid="verdict-status">
          {!verdict
            ? 'Not saved yet'
            : verdict.version === base.version
              ? `Version ${base.version} · saved ${formatDateTime(verdict.updatedAt)} by ${verdict.versionBy.name}`
              : `Editing from version ${base.version}; version ${verdict.version} was saved since`}
          {dirty && (d.unkept ? ' · unsaved changes' : ` · draft kept ${formatTime(d.keptAt!)}`)}
        </Text>
        <Group gap="xs">
          <Button
            variant="default"
            onClick={() => void doSave()}
            loading={save.isPending}
            disabled={!dirty || !!conflict || badUrls}
          >
            Save draft
          </Button>
          {canSubmit && (
            <Button
              onClick={() => void submit()}
              loading={act.isPending}
              disabled={!!conflict || badUrls || missing.length > 0}
            >
              Submit for review
            </Button>
          )}
        </Group>
      </Group>
      {canSubmit && missing.length > 0 && (
        <Alert color="gray" title="Before it can be submitted" data-testid="verdict-missing">
          <List size="sm">
            {missing.map((p) => (
              <List.Item key={p}>{p}</List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Stack>
  );
}
