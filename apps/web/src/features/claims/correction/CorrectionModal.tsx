import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, Loader, Modal, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { VerdictDto } from '@factdesk/domain';
import { api } from '../../../api/client';
import { ErrorAlert } from '../../../components/common';
import { useCorrect, useRatings, type VerdictContent } from '../queries';
import { SourceEditor } from '../verdict/SourceEditor';
import { blankSource, contentOf, urlProblem } from '../verdict/merge';
import { correctionChanges, correctionSummary } from './changes';

/**
 * A correction of anything readers see: the published verdict, editable field by field (rating, headline,
 * conclusion, analysis, sources), and the public note. Only the fields changed are sent.
 */
export function CorrectionModal({ claimId, title, onClose }: { claimId: string; title: string; onClose: () => void }) {
  const verdict = useQuery({
    queryKey: ['claims', 'detail', claimId, 'verdict'],
    queryFn: () => api<VerdictDto>(`/claims/${claimId}/verdict`),
  });
  return (
    <Modal opened onClose={onClose} title={title} size="xl">
      {verdict.error ? (
        <ErrorAlert error={verdict.error} />
      ) : !verdict.data ? (
        <Loader size="sm" />
      ) : (
        <CorrectionForm claimId={claimId} published={contentOf(verdict.data)} onClose={onClose} />
      )}
    </Modal>
  );
}

function CorrectionForm({
  claimId,
  published,
  onClose,
}: {
  claimId: string;
  published: VerdictContent;
  onClose: () => void;
}) {
  const correct = useCorrect();
  const ratings = useRatings();
  const [content, setContent] = useState<VerdictContent>(published);
  const [note, setNote] = useState('');
  const set = <K extends keyof VerdictContent>(k: K, v: VerdictContent[K]) => setContent((c) => ({ ...c, [k]: v }));
  const changes = correctionChanges(published, content);
  const summary = correctionSummary(published, content);
  const badUrls = content.sources.some((s) => urlProblem(s.url));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!note.trim() || badUrls) return;
    correct.mutate(
      { id: claimId, note: note.trim(), ...changes },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: 'Correction published: the public page, feeds and webhooks.' });
          onClose();
        },
      },
    );
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          The published verdict: change what was wrong. Readers see the new version with your note in the corrections
          log.
        </Text>
        <Group grow align="flex-start">
          <Select
            label="Rating"
            data={(ratings.data ?? [])
              .filter((r) => r.active || r.id === published.ratingId)
              .map((r) => ({ value: r.id, label: r.label }))}
            value={content.ratingId}
            onChange={(v) => set('ratingId', v)}
          />
          <TextInput
            label="Headline"
            value={content.headline}
            onChange={(e) => set('headline', e.currentTarget.value)}
            maxLength={300}
          />
        </Group>
        <Textarea
          label="Conclusion"
          autosize
          minRows={2}
          value={content.conclusion}
          onChange={(e) => set('conclusion', e.currentTarget.value)}
        />
        <Textarea
          label="Analysis (Markdown)"
          autosize
          minRows={5}
          maxRows={16}
          value={content.analysis}
          onChange={(e) => set('analysis', e.currentTarget.value)}
        />
        <Group justify="space-between">
          <Text size="sm" fw={600}>
            Sources ({content.sources.length})
          </Text>
          <Button
            size="compact-sm"
            variant="light"
            leftSection={<IconPlus size={14} />}
            onClick={() => set('sources', [...content.sources, blankSource(content.sources)])}
          >
            Add source
          </Button>
        </Group>
        {content.sources.map((s, i) => (
          <SourceEditor
            key={i}
            index={i}
            source={s}
            onChange={(next) =>
              set(
                'sources',
                content.sources.map((x, j) => (j === i ? next : x)),
              )
            }
            onRemove={() =>
              set(
                'sources',
                content.sources.filter((_, j) => j !== i),
              )
            }
          />
        ))}
        <Textarea
          label="Public note: what changed and why"
          required
          autosize
          minRows={2}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        <Alert color={summary ? 'yellow' : 'gray'} data-testid="correction-summary">
          {summary
            ? `The corrections log will read: “${summary}: ${note.trim() || '…'}”`
            : 'Nothing changed yet: a note alone publishes as a “Correction”.'}
        </Alert>
        {!!correct.error && <ErrorAlert error={correct.error} title="Not corrected" />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={correct.isPending} disabled={!note.trim() || badUrls}>
            Publish correction
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
