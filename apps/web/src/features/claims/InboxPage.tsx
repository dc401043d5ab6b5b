import { useEffect, useMemo, useRef, useState } from 'react';
import { Affix, Anchor, Badge, Button, Checkbox, Group, Kbd, Modal, MultiSelect, Paper, Select, SimpleGrid, Switch, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconKeyboard, IconPlus, IconSearch } from '@tabler/icons-react';
import { CLAIM_STATES, CLAIM_TYPES, roleAllowed, type BulkResultDto, type ClaimState, type ClaimSummaryDto, type ClaimType } from '@factdesk/domain';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiRequestError } from '../../api/client';
import { CheckedBeforeBadge, EmptyState, ErrorAlert, LoadingRows, LoadMore, PageHeader, ScoreBadge, StateBadge } from '../../components/common';
import { formatDate, fromNow, isOverdue, STATE_LABELS, TYPE_LABELS } from '../../lib/format';
import { useMe } from '../auth/queries';
import { NewClaimModal } from './NewClaimModal';
import { CLAIM_SORTS, useBulkAssign, useBulkTriage, useClaimAction, useClaims, useDismiss, useSpeakers, useWorkload, type ClaimFilters, type ClaimSort } from './queries';
import { AssignModal, DismissModal } from './TriageModals';

const VIEWS: { label: string; params: string; editorOnly?: boolean }[] = [
  { label: 'To triage', params: 'state=detected&checkworthy=true', editorOnly: true },
  { label: 'Accepted', params: 'state=accepted', editorOnly: true },
  { label: 'Mine', params: 'assignee=me&state=assigned,in_progress,changes_requested,in_review' },
  { label: 'In progress', params: 'state=assigned,in_progress,changes_requested' },
  { label: 'In review', params: 'state=in_review' },
  { label: 'All', params: 'sort=newest' },
];

const SORT_LABELS: Record<ClaimSort, string> = { relevance: 'Relevance', score: 'Check-worthiness', newest: 'Newest', oldest: 'Oldest', said: 'Date said', due: 'Due date' };

function filtersFrom(p: URLSearchParams): ClaimFilters {
  const list = (k: string) => p.get(k)?.split(',').filter(Boolean);
  const minScore = p.get('minScore');
  const checkworthy = p.get('checkworthy');
  return {
    q: p.get('q') ?? undefined,
    state: list('state') as ClaimState[] | undefined,
    type: list('type') as ClaimType[] | undefined,
    assignee: p.get('assignee') ?? undefined,
    speakerId: p.get('speakerId') ?? undefined,
    documentId: p.get('documentId') ?? undefined,
    minScore: minScore ? Number(minScore) : undefined,
    checkworthy: checkworthy === null ? undefined : checkworthy === 'true',
    saidFrom: p.get('saidFrom') ?? undefined,
    saidTo: p.get('saidTo') ?? undefined,
    sort: (p.get('sort') as ClaimSort | null) ?? undefined,
  };
}

/** Typing in a field or working in a dialog must not fire the inbox's single-key shortcuts. */
function isTyping(e: KeyboardEvent) {
  const t = e.target as HTMLElement | null;
  return !!t && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName) || !!t.closest('[role="dialog"]'));
}

function bulkMessage(result: BulkResultDto, verb: string) {
  const ok = result.results.filter((r) => r.ok).length;
  return `${ok} claim${ok === 1 ? '' : 's'} ${verb}.`;
}

function notifyError(err: unknown) {
  const res = err instanceof ApiRequestError ? (err.body.results as BulkResultDto['results'] | undefined) : undefined;
  const firstProblem = res?.find((r) => !r.ok && r.error)?.error;
  notifications.show({ color: 'red', title: 'Not done', message: firstProblem ? `${(err as Error).message} ${firstProblem}` : err instanceof Error ? err.message : String(err) });
}

const SHORTCUTS: [string, string][] = [
  ['j / k', 'Next / previous claim'],
  ['x', 'Select or unselect the claim'],
  ['a', 'Accept (the selection, or the current claim)'],
  ['d', 'Dismiss with a reason'],
  ['s', 'Assign'],
  ['o or Enter', 'Open the claim'],
  ['/', 'Search'],
  ['?', 'This help'],
];

export function InboxPage() {
  const { data: me } = useMe();
  const editor = !!me && roleAllowed(me.user.role, ['editor']);
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const filters = useMemo(() => filtersFrom(params), [params]);
  const claims = useClaims(filters);
  const speakers = useSpeakers();
  const workload = useWorkload(editor);
  const rows = useMemo(() => claims.data?.pages.flatMap((p) => p.items) ?? [], [claims.data]);

  const [cursor, setCursor] = useState(0);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [dialog, setDialog] = useState<null | 'dismiss' | 'assign' | 'help' | 'new'>(null);
  const [search, setSearch] = useState(filters.q ?? '');
  const searchRef = useRef<HTMLInputElement>(null);
  const rowRefs = useRef(new Map<string, HTMLTableRowElement>());

  const action = useClaimAction();
  const dismiss = useDismiss();
  const triage = useBulkTriage();
  const bulkAssign = useBulkAssign();

  // A new view starts from the top with nothing selected.
  useEffect(() => {
    setSelected(new Set());
    setCursor(0);
    setSearch(filters.q ?? '');
  }, [params]);

  // First visit: editors start with triage, reviewers with their own work.
  useEffect(() => {
    if ([...params.keys()].length === 0 && me) setParams(editor ? 'state=detected&checkworthy=true' : VIEWS[2]!.params, { replace: true });
  }, [params, me, editor, setParams]);

  const current = rows[Math.min(cursor, rows.length - 1)] as ClaimSummaryDto | undefined;
  const targets = selected.size ? rows.filter((r) => selected.has(r.id)) : current ? [current] : [];

  const setFilter = (key: string, value: string | null | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key === 'q' && value && !next.get('sort')) next.delete('sort');
    setParams(next);
  };

  const accept = () => {
    if (!editor || targets.length === 0) return;
    if (targets.length === 1) {
      action.mutate({ id: targets[0]!.id, action: 'accept' }, { onSuccess: () => notifications.show({ color: 'green', message: 'Claim accepted.' }), onError: notifyError });
    } else {
      triage.mutate(
        { action: 'accept', claimIds: targets.map((t) => t.id) },
        { onSuccess: (r) => (notifications.show({ color: 'green', message: bulkMessage(r, 'accepted') }), setSelected(new Set())), onError: notifyError },
      );
    }
  };

  const doDismiss = (reason: string) => {
    const done = () => {
      setDialog(null);
      setSelected(new Set());
    };
    if (targets.length === 1) dismiss.mutate({ id: targets[0]!.id, reason }, { onSuccess: () => (notifications.show({ message: 'Claim dismissed.' }), done()) });
    else triage.mutate({ action: 'dismiss', claimIds: targets.map((t) => t.id), reason }, { onSuccess: (r) => (notifications.show({ message: bulkMessage(r, 'dismissed') }), done()) });
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.metaKey || e.ctrlKey || e.altKey || isTyping(e)) return;
      if (dialog) return;
      const k = e.key;
      if (k === 'j' || k === 'ArrowDown') setCursor((c) => Math.min(c + 1, rows.length - 1));
      else if (k === 'k' || k === 'ArrowUp') setCursor((c) => Math.max(c - 1, 0));
      else if (k === 'x' && current) setSelected((s) => toggle(s, current.id));
      else if (k === 'a') accept();
      else if (k === 'd' && editor && targets.length) setDialog('dismiss');
      else if (k === 's' && editor && targets.length) setDialog('assign');
      else if ((k === 'o' || k === 'Enter') && current) void navigate(`/claims/${current.id}`);
      else if (k === '/') searchRef.current?.focus();
      else if (k === '?') setDialog('help');
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  useEffect(() => {
    if (current) rowRefs.current.get(current.id)?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  const allSelected = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const activeView = VIEWS.find((v) => new URLSearchParams(v.params).toString() === params.toString());

  return (
    <>
      <PageHeader
        title="Claims"
        description={
          <>
            Triage what the detector found, then assign it. Press <Kbd size="xs">?</Kbd> for keyboard shortcuts.
          </>
        }
        actions={
          <>
            <Button variant="default" leftSection={<IconKeyboard size={16} />} onClick={() => setDialog('help')}>
              Shortcuts
            </Button>
            {editor && (
              <Button leftSection={<IconPlus size={16} />} onClick={() => setDialog('new')}>
                Enter a claim
              </Button>
            )}
          </>
        }
      />
      <Group gap={6} mb="sm" role="toolbar" aria-label="Views">
        {VIEWS.filter((v) => editor || !v.editorOnly).map((v) => (
          <Button key={v.label} size="compact-sm" radius="xl" variant={activeView === v ? 'filled' : 'default'} onClick={() => setParams(v.params)}>
            {v.label}
          </Button>
        ))}
      </Group>
      <Paper withBorder p="sm" radius="md" mb="sm">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setFilter('q', search.trim() || null);
          }}
          role="search"
        >
          <TextInput
            ref={searchRef}
            leftSection={<IconSearch size={16} />}
            placeholder='Search claims: words, "exact phrases", -excluded, or'
            aria-label="Search claims"
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            onBlur={() => search.trim() !== (filters.q ?? '') && setFilter('q', search.trim() || null)}
            mb="xs"
          />
        </form>
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="xs">
          <MultiSelect size="xs" label="State" placeholder="Any" data={CLAIM_STATES.map((s) => ({ value: s, label: STATE_LABELS[s] }))} value={filters.state ?? []} onChange={(v) => setFilter('state', v.join(','))} clearable />
          <MultiSelect size="xs" label="Type" placeholder="Any" data={CLAIM_TYPES.map((t) => ({ value: t, label: TYPE_LABELS[t] }))} value={filters.type ?? []} onChange={(v) => setFilter('type', v.join(','))} clearable />
          <Select
            size="xs"
            label="Assignee"
            placeholder="Anyone"
            data={[{ value: 'me', label: 'Me' }, { value: 'none', label: 'Unassigned' }, ...(workload.data ?? []).filter((w) => w.user.id !== me?.user.id).map((w) => ({ value: w.user.id, label: w.user.name }))]}
            value={filters.assignee ?? null}
            onChange={(v) => setFilter('assignee', v)}
            clearable
          />
          <Select size="xs" label="Speaker" placeholder="Anyone" searchable data={(speakers.data ?? []).map((s) => ({ value: s.id, label: `${s.name} (${s.claimCount})` }))} value={filters.speakerId ?? null} onChange={(v) => setFilter('speakerId', v)} clearable />
          <Select
            size="xs"
            label="Minimum score"
            placeholder="Any"
            data={[{ value: '0.3', label: '30+' }, { value: '0.5', label: '50+' }, { value: '0.75', label: '75+' }]}
            value={filters.minScore !== undefined ? String(filters.minScore) : null}
            onChange={(v) => setFilter('minScore', v)}
            clearable
          />
          <Select size="xs" label="Sort" data={CLAIM_SORTS.filter((s) => s !== 'relevance' || filters.q).map((s) => ({ value: s, label: SORT_LABELS[s] }))} value={filters.sort ?? (filters.q ? 'relevance' : 'score')} onChange={(v) => setFilter('sort', v)} />
          <TextInput size="xs" type="date" label="Said from" value={filters.saidFrom ?? ''} onChange={(e) => setFilter('saidFrom', e.currentTarget.value)} />
          <TextInput size="xs" type="date" label="Said before" value={filters.saidTo ?? ''} onChange={(e) => setFilter('saidTo', e.currentTarget.value)} />
          <Switch size="sm" mt={22} label="Check-worthy only" checked={filters.checkworthy === true} onChange={(e) => setFilter('checkworthy', e.currentTarget.checked ? 'true' : null)} />
          {filters.documentId && (
            <Group mt={20} gap={4}>
              <Badge variant="light">One document</Badge>
              <Button size="compact-xs" variant="subtle" onClick={() => setFilter('documentId', null)}>
                Show all
              </Button>
            </Group>
          )}
        </SimpleGrid>
      </Paper>

      {claims.error && <ErrorAlert error={claims.error} title="The claims could not be listed" />}
      <Paper withBorder radius="md" p={0}>
        {claims.isPending ? (
          <div style={{ padding: 16 }}>
            <LoadingRows rows={8} height={52} />
          </div>
        ) : rows.length === 0 ? (
          <EmptyState title="No claims here">{filters.q ? 'Nothing matches this search. Try fewer words or another view.' : 'Nothing in this view. New claims arrive as documents are processed.'}</EmptyState>
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="xs" className="inbox" aria-label="Claims" aria-rowcount={rows.length}>
              <Table.Thead>
                <Table.Tr>
                  {editor && (
                    <Table.Th w={36}>
                      <Checkbox aria-label="Select all" checked={allSelected} indeterminate={selected.size > 0 && !allSelected} onChange={() => setSelected(allSelected ? new Set() : new Set(rows.map((r) => r.id)))} />
                    </Table.Th>
                  )}
                  <Table.Th w={56}>Score</Table.Th>
                  <Table.Th>Claim</Table.Th>
                  <Table.Th w={130}>Type</Table.Th>
                  <Table.Th w={140}>State</Table.Th>
                  <Table.Th w={150}>Assignee</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((c, i) => (
                  <Table.Tr
                    key={c.id}
                    ref={(el) => void (el ? rowRefs.current.set(c.id, el) : rowRefs.current.delete(c.id))}
                    className={`inbox-row${i === cursor ? ' current' : ''}`}
                    aria-current={i === cursor ? 'true' : undefined}
                    aria-selected={selected.has(c.id)}
                    data-testid="claim-row"
                    onClick={() => setCursor(i)}
                  >
                    {editor && (
                      <Table.Td>
                        <Checkbox aria-label="Select claim" checked={selected.has(c.id)} onChange={() => setSelected((s) => toggle(s, c.id))} />
                      </Table.Td>
                    )}
                    <Table.Td>
                      <ScoreBadge score={c.score} reasons={c.reasons} />
                    </Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/claims/${c.id}`} c="inherit" className="claim-link" size="sm" lineClamp={2}>
                        {c.text}
                      </Anchor>
                      <Group gap={6} mt={2} wrap="wrap">
                        <Text size="xs" fw={600} c="dark.4">
                          {c.speaker?.name ?? 'Unknown speaker'}
                        </Text>
                        {c.document && (
                          <Text size="xs" c="dimmed" truncate maw={260}>
                            {c.document.title ?? 'Untitled document'}
                          </Text>
                        )}
                        {c.saidAt && (
                          <Text size="xs" c="dimmed">
                            {formatDate(c.saidAt)}
                          </Text>
                        )}
                        {c.checkedBefore && <CheckedBeforeBadge checkedBefore={c.checkedBefore} />}
                      </Group>
                      {c.reasons.length > 0 && (
                        <Text size="xs" c="dimmed" className="reasons" lineClamp={1}>
                          {c.reasons.slice(0, 3).join(' · ')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs">{TYPE_LABELS[c.claimType]}</Text>
                    </Table.Td>
                    <Table.Td>
                      <StateBadge state={c.state} />
                    </Table.Td>
                    <Table.Td>
                      {c.assignee ? (
                        <>
                          <Text size="xs">{c.assignee.name}</Text>
                          {c.dueAt && (
                            <Tooltip label={formatDate(c.dueAt)}>
                              <Text size="xs" c={isOverdue(c.dueAt) ? 'red.8' : 'dimmed'}>
                                {isOverdue(c.dueAt) ? 'overdue ' : 'due '}
                                {fromNow(c.dueAt)}
                              </Text>
                            </Tooltip>
                          )}
                        </>
                      ) : (
                        <Text size="xs" c="dimmed">
                          —
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      <LoadMore list={claims} />

      {editor && selected.size > 0 && (
        <Affix position={{ bottom: 20, left: '50%' }} style={{ transform: 'translateX(-50%)' }}>
          <Paper shadow="lg" withBorder radius="xl" px="md" py={8} className="bulk-bar" role="region" aria-label="Selected claims">
            <Group gap="sm">
              <Text size="sm" fw={600}>
                {selected.size} selected
              </Text>
              <Button size="compact-sm" color="green" onClick={accept} loading={triage.isPending}>
                Accept
              </Button>
              <Button size="compact-sm" color="red" variant="light" onClick={() => setDialog('dismiss')}>
                Dismiss…
              </Button>
              <Button size="compact-sm" variant="light" onClick={() => setDialog('assign')}>
                Assign…
              </Button>
              <Button size="compact-sm" variant="subtle" color="gray" onClick={() => setSelected(new Set())}>
                Clear
              </Button>
            </Group>
          </Paper>
        </Affix>
      )}

      {dialog === 'dismiss' && <DismissModal opened count={targets.length} onClose={() => setDialog(null)} onDismiss={doDismiss} pending={dismiss.isPending || triage.isPending} error={dismiss.error ?? triage.error} />}
      {dialog === 'assign' && (
        <AssignModal
          opened
          title={targets.length === 1 ? 'Assign this claim' : `Assign ${targets.length} claims`}
          onClose={() => setDialog(null)}
          pending={bulkAssign.isPending}
          error={bulkAssign.error}
          onAssign={(v) =>
            bulkAssign.mutate(
              { ...v, claimIds: targets.map((t) => t.id) },
              {
                onSuccess: (r) => {
                  notifications.show({ color: 'green', message: bulkMessage(r, 'assigned') });
                  setDialog(null);
                  setSelected(new Set());
                },
              },
            )
          }
        />
      )}
      {dialog === 'new' && <NewClaimModal opened onClose={() => setDialog(null)} />}
      <Modal opened={dialog === 'help'} onClose={() => setDialog(null)} title="Keyboard shortcuts">
        <Table>
          <Table.Tbody>
            {SHORTCUTS.map(([keys, what]) => (
              <Table.Tr key={keys}>
                <Table.Td w={120}>
                  {keys.split(' ').map((k, i) => (k === '/' && i > 0) || k === 'or' ? ` ${k} ` : <Kbd key={k}>{k}</Kbd>)}
                </Table.Td>
                <Table.Td>{what}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {!editor && (
          <Text size="xs" c="dimmed" mt="sm">
            Accepting, dismissing and assigning are for editors.
          </Text>
        )}
      </Modal>
    </>
  );
}

function toggle(set: Set<string>, id: string) {
  const next = new Set(set);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}
