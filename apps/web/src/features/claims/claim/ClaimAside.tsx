import { Anchor, Badge, Group, Stack, Text, Tooltip } from '@mantine/core';
import { factCheckPath, type ClaimDetailDto } from '@factdesk/domain';
import { Link } from 'react-router';
import { ScoreBadge } from '../../../components/common';
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

/** Claims like this one, and the fact-checks already published about them. */
export function SimilarClaims({ similar }: { similar: ClaimDetailDto['similar'] }) {
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
              </Group>
            </div>
          ))}
        </Stack>
      )}
    </Section>
  );
}
