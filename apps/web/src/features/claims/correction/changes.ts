import { correctionHeading, type CorrectableField } from '@factdesk/domain';
import type { VerdictContent } from '../queries';
import { normalized, same } from '../verdict/merge';

const FIELD_OF: Record<keyof VerdictContent, CorrectableField> = {
  ratingId: 'rating',
  headline: 'headline',
  conclusion: 'conclusion',
  analysis: 'analysis',
  sources: 'sources',
};

/** The fields of `edited` that differ from what was published: what a correction request sends. */
export function correctionChanges(published: VerdictContent, edited: VerdictContent): Partial<VerdictContent> {
  const a = normalized(published);
  const b = normalized(edited);
  const out: Partial<VerdictContent> = {};
  for (const k of Object.keys(FIELD_OF) as (keyof VerdictContent)[]) {
    if (!same(a[k], b[k])) Object.assign(out, { [k]: b[k] });
  }
  return out;
}

/** The log's heading the server will write ("Corrected the analysis and sources"), or '' for a note alone. */
export function correctionSummary(published: VerdictContent, edited: VerdictContent): string {
  const fields = (Object.keys(correctionChanges(published, edited)) as (keyof VerdictContent)[]).map(
    (k) => FIELD_OF[k],
  );
  return fields.length ? correctionHeading('correction', fields) : '';
}
