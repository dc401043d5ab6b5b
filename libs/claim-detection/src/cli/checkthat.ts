// The CheckThat! 2019 transcripts rebuilt as `SPEAKER: text` documents, and detected speakers scored against
// their lines (used by eval-transcripts).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { displayCase } from '../structure/transcript.js';
import { escapeRegExp } from '../regexp.js';
import type { DetectedSpeaker, DetectionResult } from '../types.js';

export interface Line {
  id: string;
  text: string;
  speaker: string;
  debate: string;
}

/** One original line placed in the rebuilt transcript; `gold` null for stage directions and damaged labels. */
export interface Placed {
  start: number;
  end: number;
  gold: string | null;
  direction: boolean;
}

const FILES = ['train.jsonl', 'dev.jsonl'];
const STAGE_ONLY = /^(?:\([^()]*\)\s*)+$/;

export function args(argv: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) if (argv[i].startsWith('--')) out[argv[i].slice(2)] = argv[i + 1] ?? '';
  return out;
}

export function load(root: string): Map<string, Line[]> {
  const dir = join(root, 'transcripts/checkthat2019_en');
  const missing = FILES.filter((f) => !existsSync(join(dir, f)));
  if (missing.length) {
    process.stderr.write(
      `error: ${dir} is missing ${missing.join(', ')}\n` +
        '  pass the shared data directory: npm run eval:transcripts -- --data ../shared/data\n',
    );
    process.exit(2);
  }
  const debates = new Map<string, Line[]>();
  for (const f of FILES) {
    for (const raw of readFileSync(join(dir, f), 'utf8').split('\n')) {
      if (!raw.trim()) continue;
      const l = JSON.parse(raw) as Line;
      if (!debates.has(l.debate)) debates.set(l.debate, []);
      debates.get(l.debate)!.push(l);
    }
  }
  return debates;
}

/** The label as printed, its leading stage direction removed ("(APPLAUSE) CLINTON" → "CLINTON"). */
export const printedLabel = (s: string) => s.replace(/^(?:\([^()]*\)\s*)+/, '').trim();
/** The person part of a label: "SEN. BERNIE SANDERS (D-VT), PRESIDENTIAL CANDIDATE" → "SEN. BERNIE SANDERS". */
const goldName = (s: string) =>
  printedLabel(s)
    .replace(/\s*\(.*$/, '')
    .replace(/,.*$/, '')
    .trim();
export const isDirection = (l: Line) => /^SYS/i.test(l.speaker) || STAGE_ONLY.test(l.text.trim());
/** "What's the problem... SANDERS: Yes.": a shouted label inside a line. */
const INLINE_LABEL = /[.!?…-]\s+[A-Z][A-Z'’. -]{2,}:\s/;
/** A speaker's line that is nothing but a stage direction ("-- (INAUDIBLE)...") is not scored. */
const onlyDirection = (t: string) => /^[\s.…,;:—–-]*(?:\([^()]*\)[\s.…,;:—–-]*)+$/.test(t);
/** A few labels in the data are a sentence with the name glued on; they are not scored. */
export const damaged = (l: Line) => /\p{Ll}/u.test(printedLabel(l.speaker));

/** How turn labels are printed: as in the data (ALL CAPS), in Title Case, or after a [hh:mm:ss] timestamp. */
export type LabelStyle = 'printed' | 'title' | 'timed';
export const LABEL_STYLES: LabelStyle[] = ['printed', 'title', 'timed'];

function labelText(speaker: string, style: LabelStyle, second: number): string {
  if (style === 'printed') return speaker;
  if (style === 'title') {
    const prefix = speaker.slice(0, speaker.length - printedLabel(speaker).length);
    return prefix + displayCase(printedLabel(speaker));
  }
  const hms = [second / 3600, (second / 60) % 60, second % 60].map((x) => String(Math.floor(x)).padStart(2, '0'));
  return `[${hms.join(':')}] ${speaker}`;
}

/**
 * `SPEAKER: text` turns, a speaker's consecutive lines joined into one turn; stage directions inline within a turn and on
 * their own line between turns; after a line with an interruption printed inside it ("… SANDERS: Yes.") the
 * speaker is labelled again. `blank` separates turns by an empty line (both layouts occur in the wild).
 */
export function rebuild(
  lines: Line[],
  blank: boolean,
  style: LabelStyle = 'printed',
): { text: string; placed: Placed[] } {
  let text = '';
  const placed: Placed[] = [];
  let turn: string | null = null;
  const sep = blank ? '\n\n' : '\n';
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const t = l.text.trim();
    if (isDirection(l)) {
      const next = lines.slice(i + 1).find((x) => !isDirection(x));
      const within = turn !== null && next !== undefined && (damaged(next) || next.speaker === turn);
      text += within ? ' ' : text ? sep : '';
      placed.push({ start: text.length, end: text.length + t.length, gold: null, direction: true });
      text += t;
      if (!within) turn = null;
      continue;
    }
    // After a line with another speaker's label printed inside it (an interruption), the transcript labels the
    // speaker again.
    const interrupted = i > 0 && INLINE_LABEL.test(lines[i - 1].text);
    if (turn !== null && !interrupted && (damaged(l) || l.speaker === turn)) text += ' ';
    else {
      if (text) text += sep;
      text += `${labelText(damaged(l) ? 'UNKNOWN' : l.speaker, style, i * 4)}: `;
      turn = l.speaker;
    }
    const gold = damaged(l) || onlyDirection(t) || !/\p{L}/u.test(t) ? null : goldName(l.speaker);
    placed.push({ start: text.length, end: text.length + t.length, gold, direction: false });
    text += t;
  }
  return { text, placed };
}

const fold = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
const carries = (sp: DetectedSpeaker | undefined, gold: string) =>
  !!sp && [sp.name, ...sp.aliases].some((a) => fold(a) === fold(gold));

export interface Score {
  lines: number;
  right: number;
  leaks: string[];
  errors: string[];
}

export function score(text: string, placed: Placed[], result: DetectionResult, labels: string[]): Score {
  const bySpeaker = new Map(result.speakers.map((s) => [s.name, s]));
  const sents = result.sentences;
  const out: Score = { lines: 0, right: 0, leaks: [], errors: [] };
  let k = 0;
  for (const p of placed) {
    if (p.gold === null) continue;
    while (k < sents.length && sents[k].end <= p.start) k++;
    let best = -1;
    let bestOverlap = 0;
    for (let j = k; j < sents.length && sents[j].start < p.end; j++) {
      const o = Math.min(p.end, sents[j].end) - Math.max(p.start, sents[j].start);
      if (o > bestOverlap) [best, bestOverlap] = [j, o];
    }
    out.lines++;
    const who = best >= 0 ? sents[best].speaker : null;
    if (carries(who ? bySpeaker.get(who) : undefined, p.gold)) out.right++;
    else out.errors.push(`${p.gold} → ${who ?? '(none)'}: ${text.slice(p.start, p.end).slice(0, 90)}`);
  }
  const labelRes = labels.map((l) => new RegExp(`(?:^|\\s)${escapeRegExp(l)}\\s*:`));
  for (const s of sents) {
    const stage =
      /[([](?:APPLAUSE|CROSSTALK|LAUGHTER|CHEERING|BOO\w*|BELL \w+|COMMERCIAL BREAK|inaudible\.?|Inaudible\.?|AUDIENCE REACTION)/;
    if (stage.test(s.text) || labelRes.some((r) => r.test(s.text)) || STAGE_ONLY.test(s.text)) out.leaks.push(s.text);
  }
  return out;
}
