import { Fragment, useMemo, useState, type ReactNode } from 'react';
import {
  Anchor,
  Badge,
  Button,
  Grid,
  Group,
  Paper,
  Progress,
  ScrollArea,
  Stack,
  Text,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { formatMediaTime, mediaLinkAt, roleAllowed, type DocumentClaimDto } from '@factdesk/domain';
import { Link, useNavigate, useParams } from 'react-router';
import { EmptyState, ErrorAlert, LoadingRows, PageHeader, ScoreBadge, StateBadge } from '../../components/common';
import { DOCUMENT_STATUS_LABELS, formatDate, percent, TYPE_LABELS, webHref } from '../../lib/format';
import { useMe } from '../auth/queries';
import { NewClaimModal } from '../claims/NewClaimModal';
import { useDocumentSpeakers } from '../speakers/queries';
import { DocumentSpeakers } from '../speakers/SpeakerRoleMenu';
import { selectionIn, speakerAt, type TextSelection } from './selection';
import { NearMisses } from './NearMisses';
import { isIngesting, useDocument } from './queries';

/** Shade grows with the score, so the strongest claims catch the eye first. */
const shade = (c: DocumentClaimDto) => `rgba(250, 82, 82, ${(0.1 + c.score * 0.45).toFixed(2)})`;

/** The document text with every claim marked in place; overlapping spans keep the first. */
function HighlightedText({
  text,
  claims,
  active,
  onHover,
}: {
  text: string;
  claims: DocumentClaimDto[];
  active: string | null;
  onHover: (id: string | null) => void;
}) {
  const navigate = useNavigate();
  const parts: ReactNode[] = [];
  let cursor = 0;
  let lastSpeaker: string | null = null;
  for (const c of [...claims].sort((a, b) => a.start - b.start)) {
    if (c.start < cursor || c.end > text.length) continue;
    parts.push(<Fragment key={`t${c.id}`}>{text.slice(cursor, c.start)}</Fragment>);
    const speaker = c.speaker?.name ?? null;
    parts.push(
      <Tooltip
        key={c.id}
        label={`${speaker ?? 'Unknown speaker'} · ${TYPE_LABELS[c.claimType]} · check-worthiness ${percent(c.score)}${c.reasons.length ? ` — ${c.reasons.slice(0, 2).join('; ')}` : ''}`}
        multiline
        w={320}
        withArrow
        openDelay={250}
      >
        <mark
          role="link"
          tabIndex={0}
          data-testid="claim-highlight"
          className={`claim-mark${c.checkworthy ? '' : ' weak'}${active === c.id ? ' active' : ''}`}
          style={{ backgroundColor: c.checkworthy ? shade(c) : undefined }}
          onClick={() => void navigate(`/claims/${c.id}`)}
          onKeyDown={(e) => e.key === 'Enter' && void navigate(`/claims/${c.id}`)}
          onMouseEnter={() => onHover(c.id)}
          onMouseLeave={() => onHover(null)}
        >
          {speaker && speaker !== lastSpeaker && <span className="speaker-tag">{speaker}</span>}
          {text.slice(c.start, c.end)}
        </mark>
      </Tooltip>,
    );
    lastSpeaker = speaker;
    cursor = c.end;
  }
  parts.push(<Fragment key="tail">{text.slice(cursor)}</Fragment>);
  return <div className="document-text">{parts}</div>;
}

export function DocumentPage() {
  const { id = '' } = useParams();
  const { data: me } = useMe();
  const doc = useDocument(id);
  const [active, setActive] = useState<string | null>(null);
  const [entering, setEntering] = useState(false);
  const [selection, setSelection] = useState<TextSelection | null>(null);
  const editor = !!me && roleAllowed(me.user.role, ['editor']);
  const speakers = useDocumentSpeakers(editor ? id : undefined);
  const ranked = useMemo(() => [...(doc.data?.claims ?? [])].sort((a, b) => b.score - a.score), [doc.data]);

  if (doc.error) return <ErrorAlert error={doc.error} />;
  if (doc.isPending) return <LoadingRows rows={8} />;
  const d = doc.data;
  const checkworthy = d.claims.filter((c) => c.checkworthy).length;

  const enterClaim = () => {
    // Selected text becomes the new claim's text, where it sits and who said it: the quickest way to add
    // what the detector missed.
    const range = window.getSelection()?.rangeCount ? window.getSelection()!.getRangeAt(0) : null;
    const root = document.querySelector('.document-text');
    setSelection(range && root ? selectionIn(root, range) : null);
    setEntering(true);
  };

  return (
    <>
      <PageHeader
        title={d.title ?? 'Untitled document'}
        description={
          [d.outlet, d.publishedAt && formatDate(d.publishedAt), d.sourceUrl].filter(Boolean).join(' · ') || undefined
        }
        actions={
          <>
            <Button component={Link} to={`/claims?documentId=${d.id}`} variant="default">
              Open its claims in the inbox
            </Button>
            {editor && <Button onClick={enterClaim}>Enter a claim</Button>}
          </>
        }
      />
      {d.versionOf && (
        <Text size="sm" mb="md" data-testid="version-of">
          A version of{' '}
          <Anchor component={Link} to={`/documents/${d.versionOf.id}`} size="sm" underline="always">
            {d.versionOf.title ?? 'an earlier document'}
          </Anchor>
          : the claims it already has are checked there, not triaged again.
        </Text>
      )}
      {isIngesting(d) && (
        <Paper withBorder p="md" radius="md" mb="md" aria-live="polite">
          <Group justify="space-between" mb={6}>
            <Text size="sm" fw={600}>
              {DOCUMENT_STATUS_LABELS[d.status]}…
            </Text>
            <Text size="sm" c="dimmed">
              {d.progress}%
            </Text>
          </Group>
          <Progress value={d.progress} animated aria-label={`Ingestion progress ${d.progress}%`} />
        </Paper>
      )}
      {d.status === 'failed' && (
        <ErrorAlert error={new Error(d.error ?? 'Ingestion failed.')} title="This document could not be processed" />
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Paper withBorder p="lg" radius="md">
            <Group justify="space-between" mb="sm">
              <Text size="sm" c="dimmed" data-testid="claim-count">
                {d.claims.length} claims, {checkworthy} check-worthy
              </Text>
              <Group gap={6} className="legend" aria-hidden>
                <span className="claim-mark weak">weak</span>
                <span className="claim-mark" style={{ backgroundColor: 'rgba(250,82,82,0.25)' }}>
                  check-worthy
                </span>
                <span className="claim-mark" style={{ backgroundColor: 'rgba(250,82,82,0.55)' }}>
                  strongly
                </span>
              </Group>
            </Group>
            {d.text ? (
              <HighlightedText text={d.text} claims={d.claims} active={active} onHover={setActive} />
            ) : (
              <EmptyState title="No text yet">The text appears once the document has been read.</EmptyState>
            )}
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <div className="sticky-panel">
            <Paper withBorder radius="md">
              <Text fw={600} size="sm" p="md" pb="xs">
                Claims by check-worthiness
              </Text>
              {ranked.length === 0 ? (
                <EmptyState title={isIngesting(d) ? 'Looking for claims…' : 'No claims found'} />
              ) : (
                <ScrollArea.Autosize mah={d.status === 'done' ? '40vh' : '70vh'}>
                  <Stack gap={0}>
                    {ranked.map((c) => (
                      <UnstyledButton
                        key={c.id}
                        component={Link}
                        to={`/claims/${c.id}`}
                        className={`side-claim${active === c.id ? ' active' : ''}`}
                        onMouseEnter={() => setActive(c.id)}
                        onMouseLeave={() => setActive(null)}
                      >
                        <Group gap="xs" wrap="nowrap" align="flex-start">
                          <ScoreBadge score={c.score} />
                          <div className="grow">
                            <Text size="sm" lineClamp={2}>
                              {c.text}
                            </Text>
                            <Group gap={6} mt={4}>
                              <Text size="xs" c="dimmed">
                                {c.speaker?.name ?? 'Unknown speaker'}
                              </Text>
                              <StateBadge state={c.state} />
                              {!c.checkworthy && (
                                <Badge size="xs" variant="outline" color="gray">
                                  below threshold
                                </Badge>
                              )}
                            </Group>
                          </div>
                        </Group>
                      </UnstyledButton>
                    ))}
                  </Stack>
                </ScrollArea.Autosize>
              )}
            </Paper>
            <NearMisses id={d.id} editor={editor} ready={d.status === 'done'} />
            {editor && !!speakers.data?.length && (
              <Paper withBorder radius="md" mt="md" pb="xs">
                <Text fw={600} size="sm" p="md" pb="xs">
                  Speakers
                </Text>
                <DocumentSpeakers documentId={d.id} speakers={speakers.data} />
              </Paper>
            )}
          </div>
        </Grid.Col>
      </Grid>
      {entering && (
        <NewClaimModal
          opened
          onClose={() => setEntering(false)}
          initialText={selection?.text}
          initialSpeaker={selection ? (speakerAt(d.claims, selection.start)?.name ?? '') : ''}
          place={selection ? { documentId: d.id, startOffset: selection.start, endOffset: selection.end } : undefined}
        />
      )}
      {(d.appearedIn || d.saidAt || d.venue || d.mediaUrl) && (
        <Text size="xs" c="dimmed" mt="md" data-testid="document-provenance">
          {[
            d.appearedIn && `Appeared in ${d.appearedIn}`,
            d.saidAt && `said ${formatDate(d.saidAt)}`,
            d.venue && `at ${d.venue}`,
          ]
            .filter(Boolean)
            .join(', ')}
          {d.mediaUrl && (
            <>
              {' · '}
              <Anchor
                href={mediaLinkAt(d.mediaUrl, d.mediaStartSeconds) ?? undefined}
                target="_blank"
                rel="noopener noreferrer"
                size="xs"
                underline="always"
              >
                recording{d.mediaStartSeconds ? ` from ${formatMediaTime(d.mediaStartSeconds)}` : ''}
              </Anchor>
            </>
          )}
          . Its claims inherit this; set a claim’s own on the claim’s page.
        </Text>
      )}
      {d.sourceUrl && (
        <Text size="xs" c="dimmed" mt="md">
          Source:{' '}
          <Anchor href={webHref(d.sourceUrl)} target="_blank" rel="noopener noreferrer" size="xs" underline="always">
            {d.sourceUrl}
          </Anchor>
        </Text>
      )}
    </>
  );
}
