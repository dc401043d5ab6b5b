import { useState } from 'react';
import { Paper, SegmentedControl, Stack, Group } from '@mantine/core';
import { IconSun } from '@tabler/icons-react';
import { EmptyState, ErrorAlert, LoadingRows, PageHeader } from '../../components/common';
import { formatDateTime, fromNow } from '../../lib/format';
import { takeLastVisit, useToday, useTodayMore } from './queries';
import { ClaimGroup, ClaimRow, MoreButton, RepeatRow, SectionTitle } from './TodaySections';

export function TodayPage() {
  // Read once per visit: the previous visit is what "since my last visit" means, this one is kept for next time.
  const [lastVisit] = useState(takeLastVisit);
  const [range, setRange] = useState<'24h' | 'visit'>('24h');
  const [grouping, setGrouping] = useState<'score' | 'speaker' | 'source'>('score');
  const [wantMore, setWantMore] = useState(false);
  const since = range === 'visit' && lastVisit ? lastVisit : undefined;
  const today = useToday(since);
  const data = today.data;
  const more = useTodayMore(data, wantMore);
  const ranked = [...(data?.claims ?? []), ...(more.data?.pages.flatMap((p) => p.items) ?? [])];
  const hasMore = wantMore ? more.hasNextPage || more.isPending : !!data?.nextCursor;
  return (
    <>
      <PageHeader
        title="Today"
        description={
          data
            ? `Check-worthy claims detected since ${formatDateTime(data.since)}: repeats and earlier fact-checks first, then by score.`
            : 'Check-worthy claims detected lately.'
        }
        actions={
          <SegmentedControl
            aria-label="Since"
            value={range}
            onChange={(v) => setRange(v as '24h' | 'visit')}
            data={[
              { value: '24h', label: 'Last 24 hours' },
              // Offered only once there was a visit before this one.
              ...(lastVisit ? [{ value: 'visit', label: `Since my last visit (${fromNow(lastVisit)})` }] : []),
            ]}
          />
        }
      />
      {today.isPending ? (
        <LoadingRows rows={6} />
      ) : today.error ? (
        <ErrorAlert error={today.error} />
      ) : !data || (data.total === 0 && data.repeatedTotal === 0) ? (
        <Paper withBorder radius="md">
          <EmptyState title="Nothing new" icon={<IconSun size={36} stroke={1.4} color="var(--mantine-color-gray-5)" />}>
            No check-worthy claims were detected {range === 'visit' ? 'since your last visit' : 'in the last 24 hours'}.
            New documents from your sources will show up here.
          </EmptyState>
        </Paper>
      ) : (
        <Stack>
          {data.repeatedTotal > 0 && (
            <section aria-labelledby="repeated">
              <SectionTitle id="repeated" title="Repeated" shown={data.repeated.length} total={data.repeatedTotal} />
              <Paper withBorder radius="md" style={{ borderColor: 'var(--mantine-color-grape-3)' }}>
                <Stack gap={0}>
                  {data.repeated.map((r) => (
                    <RepeatRow key={r.claim.id} repeat={r} />
                  ))}
                </Stack>
              </Paper>
            </section>
          )}
          {data.checkedBeforeTotal > 0 && (
            <section aria-labelledby="checked-before">
              <SectionTitle
                id="checked-before"
                title="Checked before"
                shown={data.checkedBefore.length}
                total={data.checkedBeforeTotal}
              />
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
              <SectionTitle id="ranked" title="Claims" shown={data.total} total={data.total} />
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
                <Stack gap={0}>
                  {ranked.map((c) => (
                    <ClaimRow key={c.id} claim={c} showRating />
                  ))}
                </Stack>
                {hasMore && (
                  <MoreButton
                    left={data.total - ranked.length}
                    loading={wantMore && more.isFetching}
                    onClick={() => (wantMore ? void more.fetchNextPage() : setWantMore(true))}
                  />
                )}
              </Paper>
            ) : (
              <Stack>
                {(grouping === 'speaker' ? data.bySpeaker : data.bySource).map((g) => (
                  <ClaimGroup key={g.id ?? g.name} group={g} by={grouping} />
                ))}
              </Stack>
            )}
          </section>
        </Stack>
      )}
    </>
  );
}
