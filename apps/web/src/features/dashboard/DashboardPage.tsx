import { Anchor, Badge, Group, Paper, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { roleAllowed, type AssignmentDto } from '@factdesk/domain';
import { Link } from 'react-router';
import { EmptyState, ErrorAlert, LoadingRows, PageHeader, StateBadge } from '../../components/common';
import { DOCUMENT_STATUS_LABELS, fromNow, isDueSoon, isOverdue } from '../../lib/format';
import { useMe } from '../auth/queries';
import { useMyAssignments } from '../claims/queries';
import { isIngesting, useDocuments } from '../documents/queries';
import { ClaimsByStateChart, PublishedPerWeekChart, RatingsChart, SpeakersChart } from './Charts';
import { useStats } from './queries';

function Stat({ label, value, to, tone }: { label: string; value: number | undefined; to: string; tone?: string }) {
  return (
    <Paper withBorder p="md" radius="md" component={Link} to={to} className="stat-card">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz={28} fw={700} c={tone}>
        {value ?? '–'}
      </Text>
    </Paper>
  );
}

function DueBadge({ dueAt }: { dueAt: string | null }) {
  if (!dueAt) return <Badge variant="default">No due date</Badge>;
  if (isOverdue(dueAt)) return <Badge color="red">Overdue {fromNow(dueAt)}</Badge>;
  return (
    <Badge color={isDueSoon(dueAt) ? 'orange' : 'gray'} variant="light">
      Due {fromNow(dueAt)}
    </Badge>
  );
}

function MyAssignments() {
  const { data, isPending, error } = useMyAssignments();
  const sorted = [...(data ?? [])].sort((a, b) => (a.dueAt ?? '9999').localeCompare(b.dueAt ?? '9999'));
  const urgent = (a: AssignmentDto) => isOverdue(a.dueAt) || isDueSoon(a.dueAt);
  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" mb="sm">
        <Text fw={600}>My assignments</Text>
        <Text size="xs" c="dimmed">
          {sorted.filter(urgent).length} due within 48 h or overdue
        </Text>
      </Group>
      {error && <ErrorAlert error={error} />}
      {isPending ? (
        <LoadingRows rows={3} />
      ) : sorted.length === 0 ? (
        <EmptyState title="Nothing assigned to you">
          Claims an editor assigns to you appear here, soonest due first.
        </EmptyState>
      ) : (
        <Stack gap="xs">
          {sorted.slice(0, 8).map((a) => (
            <Group key={a.id} justify="space-between" wrap="nowrap" className="list-row">
              <Anchor component={Link} to={`/claims/${a.claimId}`} size="sm" lineClamp={2} className="grow">
                {a.claimText}
              </Anchor>
              <Group gap={6} wrap="nowrap">
                <StateBadge state={a.claimState} />
                <DueBadge dueAt={a.dueAt} />
              </Group>
            </Group>
          ))}
        </Stack>
      )}
    </Paper>
  );
}

function Ingesting() {
  const { data, isPending } = useDocuments();
  const items = data?.items ?? [];
  const active = items.filter(isIngesting);
  const shown = active.length ? active : items.slice(0, 4);
  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" mb="sm">
        <Text fw={600}>{active.length ? `Ingesting (${active.length})` : 'Latest documents'}</Text>
        <Anchor component={Link} to="/documents" size="xs">
          All documents
        </Anchor>
      </Group>
      {isPending ? (
        <LoadingRows rows={3} />
      ) : shown.length === 0 ? (
        <EmptyState title="No documents yet">Paste a transcript or give a URL on the Documents screen.</EmptyState>
      ) : (
        <Stack gap="sm">
          {shown.map((d) => (
            <div key={d.id}>
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Anchor component={Link} to={`/documents/${d.id}`} size="sm" truncate="end" className="grow">
                  {d.title ?? 'Untitled document'}
                </Anchor>
                <Text size="xs" c={d.status === 'failed' ? 'red' : 'dimmed'}>
                  {DOCUMENT_STATUS_LABELS[d.status]}
                  {d.status === 'done' ? ` · ${d.checkworthyCount} check-worthy of ${d.claimCount}` : ''}
                </Text>
              </Group>
              <Progress
                value={d.progress}
                size="sm"
                mt={4}
                color={d.status === 'failed' ? 'red' : d.status === 'done' ? 'green' : 'blue'}
                animated={isIngesting(d)}
                aria-label={`${d.title ?? 'Document'}: ${d.progress}%`}
              />
            </div>
          ))}
        </Stack>
      )}
    </Paper>
  );
}

export function DashboardPage() {
  const { data: me } = useMe();
  const stats = useStats();
  const editor = !!me && roleAllowed(me.user.role, ['editor']);
  const s = stats.data;
  const published = s ? s.claimsByState.published + s.claimsByState.corrected : undefined;
  return (
    <>
      <PageHeader
        title={`Good to see you, ${me?.user.name.split(' ')[0] ?? ''}`}
        description="What needs you today, and how the desk is doing."
      />
      {stats.error && <ErrorAlert error={stats.error} />}
      <SimpleGrid cols={{ base: 2, md: 4 }} mb="lg">
        <Stat label="To triage" value={s?.claimsByState.detected} to="/claims?state=detected" />
        <Stat
          label="In review"
          value={s?.claimsByState.in_review}
          to={editor ? '/review' : '/claims?state=in_review'}
        />
        <Stat
          label="Overdue assignments"
          value={s?.overdueAssignments}
          to="/claims?sort=due"
          tone={s?.overdueAssignments ? 'red' : undefined}
        />
        <Stat label="Published" value={published} to={editor ? '/published' : '/claims?state=published,corrected'} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }} mb="lg">
        <MyAssignments />
        <Ingesting />
      </SimpleGrid>
      {stats.isPending ? (
        <LoadingRows rows={2} height={200} />
      ) : (
        s && (
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <ClaimsByStateChart stats={s} />
            <RatingsChart stats={s} />
            <PublishedPerWeekChart stats={s} />
            <SpeakersChart stats={s} />
          </SimpleGrid>
        )
      )}
    </>
  );
}
