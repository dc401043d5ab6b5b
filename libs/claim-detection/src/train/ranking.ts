import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SpeakerRole } from '@factdesk/domain';

/** One line of a CheckThat! 2019 Task 1 transcript (label 1 = checked by journalists). */
export interface TranscriptLine {
  text: string;
  label: number;
  speaker: string;
  debate: string;
}

export const TRANSCRIPTS = 'transcripts/checkthat2019_en';

/** Every debate of CheckThat! 2019 Task 1 (train and dev files), lines in transcript order; null when absent. */
export function loadTranscripts(root: string): Map<string, TranscriptLine[]> | null {
  const dir = join(root, TRANSCRIPTS);
  if (!existsSync(join(dir, 'train.jsonl'))) return null;
  const out = new Map<string, TranscriptLine[]>();
  for (const f of ['train.jsonl', 'dev.jsonl']) {
    if (!existsSync(join(dir, f))) continue;
    for (const l of readFileSync(join(dir, f), 'utf8').split('\n')) {
      if (!l.trim()) continue;
      const r = JSON.parse(l) as TranscriptLine;
      const list = out.get(r.debate) ?? [];
      list.push({ text: r.text, label: Number(r.label), speaker: r.speaker, debate: r.debate });
      out.set(r.debate, list);
    }
  }
  return out;
}

/** Average precision of a ranking by score (ties keep transcript order); 0 when nothing is relevant. */
export function averagePrecision(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const order = Array.from({ length: labels.length }, (_, i) => i).sort((a, b) => scores[b] - scores[a] || a - b);
  let hits = 0;
  let sum = 0;
  order.forEach((i, rank) => {
    if (labels[i]) {
      hits++;
      sum += hits / (rank + 1);
    }
  });
  return hits ? sum / hits : 0;
}

/**
 * A stand-in for the structure's speaker roles when scoring lines directly: reporters' labels (QUESTION, AUDIENCE,
 * REPORTER) are questioners, and a speaker at least 15% of whose lines are questions is a moderator. It looks at
 * what speakers say, never at the labels being predicted.
 */
export function askingRoles(lines: TranscriptLine[]): Map<string, SpeakerRole> {
  const n = new Map<string, [number, number]>();
  for (const l of lines) {
    const c = n.get(l.speaker) ?? [0, 0];
    c[0]++;
    if (/\?["')\]]*$/.test(l.text.trim())) c[1]++;
    n.set(l.speaker, c);
  }
  const roles = new Map<string, SpeakerRole>();
  for (const [speaker, [all, asked]] of n) {
    if (/^(QUESTION|AUDIENCE|REPORTER|UNIDENTIFIED)/i.test(speaker)) roles.set(speaker, 'questioner');
    else if (all >= 3 && asked / all >= 0.15) roles.set(speaker, 'moderator');
  }
  return roles;
}
