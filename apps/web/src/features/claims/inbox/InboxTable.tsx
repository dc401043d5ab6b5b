import { useEffect, useRef } from 'react';
import { Anchor, Checkbox, Group, Text, Tooltip } from '@mantine/core';
import type { ClaimSummaryDto } from '@factdesk/domain';
import { Link } from 'react-router';
import { CheckedBeforeBadge, EmptyState, ScoreBadge, StateBadge } from '../../../components/common';
import { DataTable, type Column } from '../../../components/DataTable';
import { formatDate, fromNow, isOverdue, TYPE_LABELS } from '../../../lib/format';
import type { useSelection } from './useSelection';

function ClaimCell({ c }: { c: ClaimSummaryDto }) {
  return (
    <>
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
    </>
  );
}

function AssigneeCell({ c }: { c: ClaimSummaryDto }) {
  if (!c.assignee)
    return (
      <Text size="xs" c="dimmed">
        —
      </Text>
    );
  return (
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
  );
}

/** The claims of the view, with the cursor's row marked and kept in sight; editors get tick boxes. */
export function InboxTable({
  rows,
  loading,
  searching,
  editor,
  selection,
}: {
  rows: ClaimSummaryDto[];
  loading: boolean;
  searching: boolean;
  editor: boolean;
  selection: ReturnType<typeof useSelection<ClaimSummaryDto>>;
}) {
  const { cursor, current, selected } = selection;
  const rowRefs = useRef(new Map<string, HTMLTableRowElement>());
  useEffect(() => {
    if (current) rowRefs.current.get(current.id)?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  const columns: (Column<ClaimSummaryDto> | false)[] = [
    editor && {
      key: 'select',
      width: 36,
      header: (
        <Checkbox
          aria-label="Select all"
          checked={selection.allSelected}
          indeterminate={selection.someSelected}
          onChange={selection.toggleAll}
        />
      ),
      cell: (c) => (
        <Checkbox aria-label="Select claim" checked={selected.has(c.id)} onChange={() => selection.toggle(c.id)} />
      ),
    },
    { key: 'score', header: 'Score', width: 56, cell: (c) => <ScoreBadge score={c.score} reasons={c.reasons} /> },
    { key: 'claim', header: 'Claim', cell: (c) => <ClaimCell c={c} /> },
    { key: 'type', header: 'Type', width: 130, cell: (c) => <Text size="xs">{TYPE_LABELS[c.claimType]}</Text> },
    { key: 'state', header: 'State', width: 140, cell: (c) => <StateBadge state={c.state} /> },
    { key: 'assignee', header: 'Assignee', width: 150, cell: (c) => <AssigneeCell c={c} /> },
  ];

  return (
    <DataTable
      rows={rows}
      columns={columns}
      rowKey={(c) => c.id}
      loading={loading}
      loadingRows={{ rows: 8, height: 52 }}
      minWidth={760}
      tableProps={{ className: 'inbox', 'aria-label': 'Claims', 'aria-rowcount': rows.length }}
      empty={
        <EmptyState title="No claims here">
          {searching
            ? 'Nothing matches this search. Try fewer words or another view.'
            : 'Nothing in this view. New claims arrive as documents are processed.'}
        </EmptyState>
      }
      rowProps={(c, i) => ({
        ref: (el: HTMLTableRowElement | null) =>
          void (el ? rowRefs.current.set(c.id, el) : rowRefs.current.delete(c.id)),
        className: `inbox-row${i === cursor ? ' current' : ''}`,
        'aria-current': i === cursor ? 'true' : undefined,
        'aria-selected': selected.has(c.id),
        'data-testid': 'claim-row',
        onClick: () => selection.moveTo(i),
      })}
    />
  );
}
