import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconHistory, IconRepeat } from '@tabler/icons-react';
import { factCheckPath, type ClaimSummaryDto, type TodayGroupDto, type TodayRepeatDto } from '@factdesk/domain';
import { Link } from 'react-router';
import { ScoreBadge, StateBadge } from '../../components/common';
import { fromNow } from '../../lib/format';

function RatingLink({ slug, rating, title }: { slug: string | null; rating: string | null; title: string }) {
  const label = rating ? `Rated ${rating}` : 'Checked before';
  if (!slug)
    return (
      <Badge color="grape" variant="light" radius="sm" title={title}>
        {label}
      </Badge>
    );
  return (
    <Badge
      component="a"
      href={factCheckPath(slug)}
      target="_blank"
      rel="noopener"
      color="grape"
      variant="light"
      radius="sm"
      leftSection={<IconHistory size={12} />}
      style={{ cursor: 'pointer' }}
      title={title}
    >
      {label}
    </Badge>
  );
}

export function ClaimRow({ claim, showRating }: { claim: ClaimSummaryDto; showRating?: boolean }) {
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
            <RatingLink
              slug={claim.checkedBefore.slug}
              rating={claim.checkedBefore.rating}
              title={`${Math.round(claim.checkedBefore.similarity * 100)}% similar to an earlier fact-check`}
            />
          )}
          <StateBadge state={claim.state} />
        </Group>
      </Group>
    </div>
  );
}

/** A section's heading with its real total, and how many of them are listed when not all are. */
export function SectionTitle({ id, title, shown, total }: { id: string; title: string; shown: number; total: number }) {
  return (
    <Title order={2} size="h4" id={id} mb="xs">
      {title} ({total}){shown < total ? ` — the first ${shown} shown` : ''}
    </Title>
  );
}

export function RepeatRow({ repeat }: { repeat: TodayRepeatDto }) {
  const { claim, earlier } = repeat;
  return (
    <div className="list-row" style={{ padding: '10px 14px' }} data-testid="today-repeat">
      <Group wrap="nowrap" align="flex-start" gap="sm">
        <IconRepeat size={18} color="var(--mantine-color-grape-6)" aria-hidden />
        <div className="grow">
          <Anchor component={Link} to={`/claims/${claim.id}`} size="sm" fw={500} c="inherit">
            {claim.text}
          </Anchor>
          <Text size="xs" c="dimmed" mt={2}>
            {[
              claim.speaker?.name,
              claim.document?.title,
              repeat.joined
                ? 'joined the checked claim'
                : `may repeat it (${Math.round(repeat.similarity * 100)}%): confirm on the claim`,
              fromNow(repeat.at),
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        </div>
        <Group gap={6} wrap="nowrap">
          <RatingLink slug={earlier.slug} rating={earlier.rating} title="The earlier fact-check" />
          <StateBadge state={claim.state} />
        </Group>
      </Group>
    </div>
  );
}

export function ClaimGroup({ group, by }: { group: TodayGroupDto; by: 'speaker' | 'source' }) {
  const more = group.count - group.claims.length;
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
      {more > 0 && (
        <Text size="xs" c="dimmed" px={14} py={6}>
          and {more} more
          {by === 'speaker' && group.id ? (
            <>
              {' · '}
              <Anchor component={Link} to={`/claims?speakerId=${group.id}`} size="xs">
                all of {group.name}’s claims in the inbox
              </Anchor>
            </>
          ) : null}
        </Text>
      )}
    </Paper>
  );
}

export function MoreButton({ onClick, loading, left }: { onClick: () => void; loading: boolean; left: number }) {
  return (
    <Group justify="center" p="sm">
      <Button variant="light" size="xs" onClick={onClick} loading={loading}>
        Show more ({left} not shown yet)
      </Button>
    </Group>
  );
}
