import { Anchor, Badge, Button, Group, Stack, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { factCheckPath, type ClaimDetailDto } from '@factdesk/domain';
import { Link } from 'react-router';
import { ErrorAlert, ScoreBadge, StateBadge } from '../../../components/common';
import { useMarkDuplicate } from '../queries';
import { percent } from '../../../lib/format';
import { Section } from './Section';

/** Why the detector picked the claim: its score, reasons and the names it found. */
export function CheckWorthiness({ claim: c }: { claim: ClaimDetailDto }) {
  return (
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
  );
}

/**
 * Claims like this one (the matcher's proposals), where each stands, and the fact-checks already published
 * about them; an editor confirms a proposal as the same claim, so the two are checked once.
 */
export function SimilarClaims({ claim }: { claim: ClaimDetailDto }) {
  const { similar } = claim;
  const mark = useMarkDuplicate();
  const mayMark = claim.actions.includes('mark_duplicate');
  return (
    <Section title="Similar claims and earlier fact-checks">
      {similar.length === 0 ? (
        <Text size="sm" c="dimmed">
          None found.
        </Text>
      ) : (
        <Stack gap="xs">
          {similar.map((s) => (
            <div key={s.id}>
              <Anchor component={Link} to={`/claims/${s.id}`} size="sm" lineClamp={2}>
                {s.text}
              </Anchor>
              <Group gap={6}>
                <StateBadge state={s.state} />
                <Text size="xs" c="dimmed">
                  {s.speaker?.name ?? 'Unknown'} · {Math.round(s.similarity * 100)}% similar
                </Text>
                {s.factCheck && (
                  <Anchor
                    href={factCheckPath(s.factCheck.slug)}
                    target="_blank"
                    rel="noopener"
                    size="xs"
                    underline="always"
                  >
                    fact-check{s.factCheck.rating ? `: ${s.factCheck.rating}` : ''}
                  </Anchor>
                )}
                {mayMark && (
                  <Button
                    size="compact-xs"
                    variant="light"
                    loading={mark.isPending && mark.variables?.of === s.id}
                    onClick={() =>
                      mark.mutate(
                        { id: claim.id, of: s.id },
                        { onSuccess: () => notifications.show({ message: 'Marked as the same claim: checked once.' }) },
                      )
                    }
                  >
                    Same claim
                  </Button>
                )}
              </Group>
            </div>
          ))}
        </Stack>
      )}
      <ErrorAlert error={mark.error} />
    </Section>
  );
}
