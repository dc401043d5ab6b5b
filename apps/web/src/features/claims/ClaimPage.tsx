import { useState, type FormEvent } from 'react';
import { Anchor, Badge, Button, Grid, Group, Paper, Stack, Text, Textarea, Timeline, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { roleAllowed, type ClaimAction, type ClaimDetailDto } from '@factdesk/domain';
import { Link, useParams } from 'react-router';
import { NoteModal } from '../../components/NoteModal';
import { EmptyState, ErrorAlert, LoadingRows, ScoreBadge, StateBadge } from '../../components/common';
import { describeAudit, formatDate, formatDateTime, fromNow, isOverdue, percent, toLocalInput, TYPE_LABELS, webHref } from '../../lib/format';
import { useMe } from '../auth/queries';
import { useAddComment, useAssign, useClaim, useClaimAction, useComments, useCorrect, useDismiss, useRequestChanges, useRetract, useUnassign, type SimpleAction } from './queries';
import { AssignModal, DismissModal } from './TriageModals';
import { VerdictEditor } from './VerdictEditor';

function Section({ title, children, aside }: { title: string; children: React.ReactNode; aside?: React.ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h5">
          {title}
        </Title>
        {aside}
      </Group>
      {children}
    </Paper>
  );
}

const SIMPLE: Partial<Record<ClaimAction, { label: string; colour?: string; done: string }>> = {
  accept: { label: 'Accept', colour: 'green', done: 'Claim accepted.' },
  reopen: { label: 'Reopen', done: 'Claim reopened.' },
  start: { label: 'Start work', done: 'Work started.' },
  approve: { label: 'Approve', colour: 'teal', done: 'Verdict approved.' },
  publish: { label: 'Publish', colour: 'green', done: 'Published.' },
};

const NOTE_ACTIONS: ClaimAction[] = ['request_changes', 'dismiss', 'correct', 'retract'];
// The workflow writes both the claim's step and the record's own event; the timeline shows the step once.
const DUPLICATE_EVENTS = new Set(['fact_check.publish', 'fact_check.correct', 'fact_check.retract', 'assignment.create']);

type Dialog = null | 'dismiss' | 'assign' | 'request_changes' | 'correct' | 'retract';

/** The buttons for what the signed-in user may do now: exactly the API's `actions`, nothing more. */
function Actions({ claim, onDialog }: { claim: ClaimDetailDto; onDialog: (d: Dialog) => void }) {
  const act = useClaimAction();
  const has = (a: ClaimAction) => claim.actions.includes(a);
  return (
    <Stack gap="xs">
      <Group gap="xs" data-testid="claim-actions">
        {(Object.keys(SIMPLE) as SimpleAction[]).filter(has).map((a) => (
          <Button key={a} color={SIMPLE[a]!.colour} loading={act.isPending && act.variables?.action === a} onClick={() => act.mutate({ id: claim.id, action: a }, { onSuccess: () => notifications.show({ color: 'green', message: SIMPLE[a]!.done }) })}>
            {SIMPLE[a]!.label}
          </Button>
        ))}
        {has('request_changes') && (
          <Button variant="light" color="orange" onClick={() => onDialog('request_changes')}>
            Request changes…
          </Button>
        )}
        {has('dismiss') && (
          <Button variant="light" color="red" onClick={() => onDialog('dismiss')}>
            Dismiss…
          </Button>
        )}
        {has('correct') && (
          <Button variant="light" onClick={() => onDialog('correct')}>
            Correct…
          </Button>
        )}
        {has('retract') && (
          <Button variant="light" color="red" onClick={() => onDialog('retract')}>
            Retract…
          </Button>
        )}
      </Group>
      {act.error && <ErrorAlert error={act.error} title="Not done" />}
      {!claim.actions.some((a) => a in SIMPLE || NOTE_ACTIONS.includes(a)) && (
        <Text size="sm" c="dimmed">
          {claim.actions.includes('submit') ? 'Work on the verdict below, then submit it for review.' : claim.actions.includes('assign') ? 'Assign it to someone to check.' : 'Nothing for you to do on this claim now.'}
        </Text>
      )}
    </Stack>
  );
}

function Assignment({ claim, onDialog }: { claim: ClaimDetailDto; onDialog: (d: Dialog) => void }) {
  const unassign = useUnassign();
  const active = claim.assignments.find((a) => a.state === 'active');
  const earlier = claim.assignments.filter((a) => a !== active);
  return (
    <Section
      title="Assignment"
      aside={
        claim.actions.includes('assign') && (
          <Button size="compact-sm" variant="light" onClick={() => onDialog('assign')}>
            {active ? 'Reassign…' : 'Assign…'}
          </Button>
        )
      }
    >
      {active ? (
        <Stack gap={4}>
          <Text size="sm">
            <strong>{active.assignee.name}</strong> <Text span c="dimmed" size="sm">assigned by {active.assignedBy.name}, {fromNow(active.createdAt)}</Text>
          </Text>
          <Text size="sm" c={isOverdue(active.dueAt) ? 'red.8' : undefined} data-testid="due">
            {active.dueAt ? `Due ${formatDateTime(active.dueAt)} (${fromNow(active.dueAt)})` : 'No due date'}
          </Text>
          {active.note && (
            <Text size="sm" fs="italic">
              “{active.note}”
            </Text>
          )}
          {claim.actions.includes('unassign') && (
            <Button size="compact-xs" variant="subtle" color="red" w="fit-content" onClick={() => unassign.mutate(claim.id)} loading={unassign.isPending}>
              Unassign
            </Button>
          )}
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          Not assigned.
        </Text>
      )}
      {earlier.length > 0 && (
        <Text size="xs" c="dimmed" mt="xs">
          Earlier: {earlier.map((a) => `${a.assignee.name} (${a.state})`).join(', ')}
        </Text>
      )}
    </Section>
  );
}

function Comments({ claim }: { claim: ClaimDetailDto }) {
  const comments = useComments(claim.id);
  const add = useAddComment();
  const [body, setBody] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (body.trim()) add.mutate({ id: claim.id, body: body.trim() }, { onSuccess: () => setBody('') });
  };
  return (
    <Section title="Comments">
      {comments.isPending ? (
        <LoadingRows rows={2} />
      ) : (
        <Stack gap="sm" mb="sm">
          {(comments.data ?? []).length === 0 && (
            <Text size="sm" c="dimmed">
              No comments yet.
            </Text>
          )}
          {comments.data?.map((c) => (
            <div key={c.id} className="comment">
              <Text size="xs" c="dimmed">
                <strong>{c.author.name}</strong> · {formatDateTime(c.createdAt)}
                {c.verdictVersion ? ` · on version ${c.verdictVersion}` : ''}
              </Text>
              <Text size="sm" className="pre-wrap">
                {c.body}
              </Text>
            </div>
          ))}
        </Stack>
      )}
      <form onSubmit={submit}>
        <Textarea aria-label="New comment" placeholder="Write a comment for the desk" autosize minRows={2} value={body} onChange={(e) => setBody(e.currentTarget.value)} />
        {add.error && <ErrorAlert error={add.error} />}
        <Group justify="flex-end" mt="xs">
          <Button type="submit" size="xs" variant="light" disabled={!body.trim()} loading={add.isPending}>
            Comment
          </Button>
        </Group>
      </form>
    </Section>
  );
}

export function ClaimPage() {
  const { id = '' } = useParams();
  const { data: me } = useMe();
  const claim = useClaim(id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const dismiss = useDismiss();
  const assign = useAssign();
  const requestChanges = useRequestChanges();
  const correct = useCorrect();
  const retract = useRetract();

  if (claim.error) return <ErrorAlert error={claim.error} title="This claim could not be opened" />;
  if (claim.isPending) return <LoadingRows rows={8} height={60} />;
  const c = claim.data;
  const editor = !!me && roleAllowed(me.user.role, ['editor']);
  const editable = c.actions.includes('start') || c.actions.includes('submit') || (editor && c.state === 'in_review');
  const active = c.assignments.find((a) => a.state === 'active');
  const history = c.history.filter((h) => !DUPLICATE_EVENTS.has(h.action));
  const close = () => setDialog(null);
  const done = (message: string) => () => {
    notifications.show({ color: 'green', message });
    close();
  };

  return (
    <>
      <Group gap="xs" mb={6}>
        <Anchor component={Link} to="/claims" size="sm">
          Claims
        </Anchor>
        <Text size="sm" c="dimmed">
          /
        </Text>
        <StateBadge state={c.state} />
        {c.checkedBefore && (
          <Badge component="a" href={`/fact-checks/${c.checkedBefore.slug}`} color="grape" variant="outline">
            Checked before
          </Badge>
        )}
        {c.factCheck && (
          <Anchor href={`/fact-checks/${c.factCheck.slug}`} target="_blank" rel="noopener" size="sm" data-testid="public-link">
            Public page ↗
          </Anchor>
        )}
      </Group>
      <Title order={1} size="h3" className="claim-title" mb="xs">
        “{c.text}”
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        <Text span fw={600} c="dark.6">
          {c.speaker?.name ?? 'Unknown speaker'}
        </Text>
        {c.saidAt && ` · ${formatDate(c.saidAt)}`} · {TYPE_LABELS[c.claimType]}
        {c.document && (
          <>
            {' · '}
            <Anchor component={Link} to={`/documents/${c.document.id}`} size="sm" underline="always">
              {c.document.title ?? 'Untitled document'}
            </Anchor>
          </>
        )}
      </Text>
      <Paper withBorder p="md" radius="md" mb="md">
        <Actions claim={c} onDialog={setDialog} />
      </Paper>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="md">
            {c.context && (
              <Section title="In context">
                <Text size="sm" className="context">
                  {c.context.before.start > 0 && '… '}
                  {c.context.before.text}
                  <mark className="claim-mark">{c.text}</mark>
                  {c.context.after.text} …
                </Text>
                {(c.context.outlet || c.context.documentUrl) && (
                  <Text size="xs" c="dimmed" mt="xs">
                    {c.context.outlet}
                    {c.context.documentUrl && (
                      <>
                        {' · '}
                        <Anchor href={webHref(c.context.documentUrl)} target="_blank" rel="noopener noreferrer" size="xs" underline="always">
                          original
                        </Anchor>
                      </>
                    )}
                  </Text>
                )}
              </Section>
            )}
            <Section title="Verdict" aside={c.verdict && <Badge variant="light">{c.verdict.state.replace('_', ' ')}</Badge>}>
              <VerdictEditor key={c.id} claimId={c.id} verdict={c.verdict} editable={editable} canSubmit={c.actions.includes('submit')} />
            </Section>
            <Comments claim={c} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md">
            <Section title="Check-worthiness" aside={<ScoreBadge score={c.score} />}>
              <Text size="sm" mb={4}>
                {c.checkworthy ? 'Check-worthy' : 'Below the threshold'} ({percent(c.score)}/100)
              </Text>
              {c.reasons.length > 0 ? (
                <ul className="reasons-list">
                  {c.reasons.map((r) => (
                    <li key={r}>{r}</li>
                  ))}
                </ul>
              ) : (
                <Text size="xs" c="dimmed">
                  Entered by hand: no detector reasons.
                </Text>
              )}
              {c.entities.length > 0 && (
                <Group gap={4} mt="xs">
                  {c.entities.map((e, i) => (
                    <Tooltip key={i} label={e.kind}>
                      <Badge size="xs" variant="outline" color="gray">
                        {e.text}
                      </Badge>
                    </Tooltip>
                  ))}
                </Group>
              )}
              {c.dismissalReason && (
                <Text size="sm" mt="xs">
                  Dismissed: {c.dismissalReason}
                </Text>
              )}
            </Section>
            <Assignment claim={c} onDialog={setDialog} />
            <Section title="Similar claims and earlier fact-checks">
              {c.similar.length === 0 ? (
                <Text size="sm" c="dimmed">
                  None found.
                </Text>
              ) : (
                <Stack gap="xs">
                  {c.similar.map((s) => (
                    <div key={s.id}>
                      <Anchor component={Link} to={`/claims/${s.id}`} size="sm" lineClamp={2}>
                        {s.text}
                      </Anchor>
                      <Group gap={6}>
                        <Text size="xs" c="dimmed">
                          {s.speaker?.name ?? 'Unknown'} · {Math.round(s.similarity * 100)}% similar
                        </Text>
                        {s.factCheck && (
                          <Anchor href={`/fact-checks/${s.factCheck.slug}`} target="_blank" rel="noopener" size="xs" underline="always">
                            fact-check{s.factCheck.rating ? `: ${s.factCheck.rating}` : ''}
                          </Anchor>
                        )}
                      </Group>
                    </div>
                  ))}
                </Stack>
              )}
            </Section>
            <Section title="History">
              {history.length === 0 ? (
                <EmptyState title="No history" />
              ) : (
                <Timeline bulletSize={12} lineWidth={2} active={history.length - 1} data-testid="history">
                  {history.map((h) => (
                    <Timeline.Item key={h.id} title={<Text size="sm">{`${h.actor?.name ?? 'Factdesk'} ${describeAudit(h.action)}`}</Text>}>
                      <Text size="xs" c="dimmed">
                        {formatDateTime(h.createdAt)}
                      </Text>
                      {typeof h.after?.comment === 'string' && (
                        <Text size="xs" className="pre-wrap">
                          “{h.after.comment}”
                        </Text>
                      )}
                    </Timeline.Item>
                  ))}
                </Timeline>
              )}
            </Section>
          </Stack>
        </Grid.Col>
      </Grid>

      {dialog === 'dismiss' && <DismissModal opened count={1} onClose={close} pending={dismiss.isPending} error={dismiss.error} onDismiss={(reason) => dismiss.mutate({ id: c.id, reason }, { onSuccess: done('Claim dismissed.') })} />}
      {dialog === 'assign' && (
        <AssignModal
          opened
          title={active ? 'Reassign this claim' : 'Assign this claim'}
          onClose={close}
          pending={assign.isPending}
          error={assign.error}
          initial={{ assigneeId: active?.assignee.id, dueAt: toLocalInput(active?.dueAt) }}
          onAssign={(v) => assign.mutate({ id: c.id, ...v }, { onSuccess: done('Assigned.') })}
        />
      )}
      {dialog === 'request_changes' && (
        <NoteModal
          opened
          title="Request changes"
          label="What should change"
          description="The reviewer is notified and sees this on the claim."
          submitLabel="Send back"
          colour="orange"
          onClose={close}
          pending={requestChanges.isPending}
          error={requestChanges.error}
          onSubmit={(comment) => requestChanges.mutate({ id: c.id, comment }, { onSuccess: done('Sent back for changes.') })}
        />
      )}
      {dialog === 'correct' && (
        <NoteModal
          opened
          title="Publish a correction"
          label="Public note: what changed"
          description="Appended to the fact-check's corrections log. To change the verdict's text too, use the Published screen."
          submitLabel="Publish correction"
          onClose={close}
          pending={correct.isPending}
          error={correct.error}
          onSubmit={(note) => correct.mutate({ id: c.id, note }, { onSuccess: done('Correction published.') })}
        />
      )}
      {dialog === 'retract' && (
        <NoteModal
          opened
          title="Retract this fact-check"
          label="Public note: why it is retracted"
          submitLabel="Retract"
          colour="red"
          onClose={close}
          pending={retract.isPending}
          error={retract.error}
          onSubmit={(note) => retract.mutate({ id: c.id, note }, { onSuccess: done('Fact-check retracted.') })}
        />
      )}
    </>
  );
}
