import { useState } from 'react';
import { Anchor, Badge, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconHistory, IconSun } from '@tabler/icons-react';
import { factCheckPath, type ClaimSummaryDto, type TodayGroupDto } from '@factdesk/domain';
import { Link } from 'react-router';
import { EmptyState, ErrorAlert, LoadingRows, PageHeader, ScoreBadge, StateBadge } from '../../components/common';
import { formatDateTime, fromNow } from '../../lib/format';
import { takeLastVisit, useToday } from './queries';

function ClaimRow({ claim, showRating }: { claim: ClaimSummaryDto; showRating?: boolean }) {
  return (
    <div className="list-row" style={{ padding: '10px 14px' }} data-testid="today-claim">
      <Group wrap="nowrap" align="flex-start" gap="sm">
        <ScoreBadge score={claim.score} reasons={claim.reasons} />
        <div className="grow">
          <Anchor component={Link} to={`/claims/${claim.id}`} size="sm" fw={500} c="inherit">
            {claim.text}
          </Anchor>
          <Text size="xs" c="dimmed" mt={2}>
            {[claim.speaker?.name, claim.document?.title, fromNow(claim.createdAt)].filter(Boolean).join(' · ')}
          </Text>
        </div>
        <Group gap={6} wrap="nowrap">
          {showRating && claim.checkedBefore && (
            <Badge
              component="a"
              href={factCheckPath(claim.checkedBefore.slug)}
              target="_blank"
              rel="noopener"
              color="grape"
              variant="light"
              radius="sm"
              leftSection={<IconHistory size={12} />}
              style={{ cursor: 'pointer' }}
              title={`${Math.round(claim.checkedBefore.similarity * 100)}% similar to an earlier fact-check`}
            >
              {claim.checkedBefore.rating ? `Rated ${claim.checkedBefore.rating}` : 'Checked before'}
            </Badge>
          )}
          <StateBadge state={claim.state} />
        </Group>
      </Group>
    </div>
  );
}

function ClaimGroup({ group }: { group: TodayGroupDto }) {
  return (
    <Paper withBorder radius="md" data-testid="today-group">
      <Group
        justify="space-between"
        px={14}
        py={8}
        style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
      >
        <Text fw={600} size="sm">
          {group.name}
        </Text>
        <Badge variant="light" color="gray" radius="sm">
          {group.count} claim{group.count === 1 ? '' : 's'}
        </Badge>
      </Group>
      <Stack gap={0}>
        {group.claims.map((c) => (
          <ClaimRow key={c.id} claim={c} />
        ))}
      </Stack>
    </Paper>
  );
}

export function TodayPage() {
  // Read once per visit: the previous visit is what "since my last visit" means, this one is kept for next time.
  const [lastVisit] = useState(takeLastVisit);
  const [range, setRange] = useState<'24h' | 'visit'>('24h');
  const [grouping, setGrouping] = useState<'score' | 'speaker' | 'source'>('score');
  const since = range === 'visit' && lastVisit ? lastVisit : undefined;
  const today = useToday(since);
  const data = today.data;
  const checkedBeforeIds = new Set(data?.checkedBefore.map((c) => c.id));
  // By score, the checked-before matches are not repeated under the section that already shows them.
  const ranked = data?.claims.filter((c) => !checkedBeforeIds.has(c.id)) ?? [];
  return (
    <>
      <PageHeader
        title="Today"
        description={
          data
            ? `Check-worthy claims detected since ${formatDateTime(data.since)}: earlier fact-checks first, then by score.`
            : 'Check-worthy claims detected lately.'
        }
        actions={
          <SegmentedControl
            aria-label="Since"
            value={range}
            onChange={(v) => setRange(v as '24h' | 'visit')}
            data={[
              { value: '24h', label: 'Last 24 hours' },
              {
                value: 'visit',
                label: lastVisit ? `Since my last visit (${fromNow(lastVisit)})` : 'Since my last visit',
                disabled: !lastVisit,
              },
            ]}
          />
        }
      />
      {today.isPending ? (
        <LoadingRows rows={6} />
      ) : today.error ? (
        <ErrorAlert error={today.error} />
      ) : !data || data.total === 0 ? (
        <Paper withBorder radius="md">
          <EmptyState title="Nothing new" icon={<IconSun size={36} stroke={1.4} color="var(--mantine-color-gray-5)" />}>
            No check-worthy claims were detected {range === 'visit' ? 'since your last visit' : 'in the last 24 hours'}.
            New documents from your sources will show up here.
          </EmptyState>
        </Paper>
      ) : (
        <Stack>
          {data.checkedBefore.length > 0 && (
            <section aria-labelledby="checked-before">
              <Title order={2} size="h4" id="checked-before" mb="xs">
                Checked before ({data.checkedBefore.length})
              </Title>
              <Paper withBorder radius="md" style={{ borderColor: 'var(--mantine-color-grape-3)' }}>
                <Stack gap={0}>
                  {data.checkedBefore.map((c) => (
                    <ClaimRow key={c.id} claim={c} showRating />
                  ))}
                </Stack>
              </Paper>
            </section>
          )}
          <section aria-labelledby="ranked">
            <Group justify="space-between" mb="xs">
              <Title order={2} size="h4" id="ranked">
                {data.total} claim{data.total === 1 ? '' : 's'}
              </Title>
              <SegmentedControl
                aria-label="Group by"
                size="xs"
                value={grouping}
                onChange={(v) => setGrouping(v as typeof grouping)}
                data={[
                  { value: 'score', label: 'By score' },
                  { value: 'speaker', label: 'By speaker' },
                  { value: 'source', label: 'By source' },
                ]}
              />
            </Group>
            {grouping === 'score' ? (
              <Paper withBorder radius="md">
                {ranked.length ? (
                  <Stack gap={0}>
                    {ranked.map((c) => (
                      <ClaimRow key={c.id} claim={c} />
                    ))}
                  </Stack>
                ) : (
                  <Text size="sm" c="dimmed" p="md">
                    Every claim has been checked before: see above.
                  </Text>
                )}
              </Paper>
            ) : (
              <Stack>
                {(grouping === 'speaker' ? data.bySpeaker : data.bySource).map((g) => (
                  <ClaimGroup key={g.name} group={g} />
                ))}
              </Stack>
            )}
          </section>
        </Stack>
      )}
    </>
  );
}
