// Paragraphs of a document and the turn label opening each (the first step of parseDocument).
import { isQuestioner, QUESTIONER_LABELS } from '@factdesk/domain';
import { escapeRegExp } from '../regexp.js';
import { parseTurnLabel, type TurnLabel } from './transcript.js';

export interface Block {
  start: number;
  end: number;
  text: string;
}

export const TERMINAL = /[.!?…]["'”’)\]]*$|[.!?…]["'”’)\]]*\[\d+\]$/;
export const wordCount = (s: string) => (s.match(/[A-Za-z0-9][\w'’-]*/g) ?? []).length;

/** Lines → blocks (paragraphs), joining soft-wrapped lines. Offsets into the original text. */
export function blocks(text: string): Block[] {
  const out: Block[] = [];
  let i = 0;
  let cur: Block | null = null;
  while (i <= text.length) {
    let j = text.indexOf('\n', i);
    if (j < 0) j = text.length;
    let s = i;
    let e = j;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    // Markdown heading and block-quote markers are layout, not text.
    const md = /^(?:#{1,6}\s+|>\s*)/.exec(text.slice(s, Math.min(e, s + 8)));
    if (md) s += md[0].length;
    if (e > s) {
      const line = text.slice(s, e);
      if (cur && !TERMINAL.test(cur.text) && !/[:"'”]$/.test(cur.text) && /^[a-z]/.test(line)) {
        cur.end = e;
        cur.text = text.slice(cur.start, e);
      } else {
        cur = { start: s, end: e, text: line };
        out.push(cur);
      }
    } else cur = null;
    i = j + 1;
  }
  return out;
}

/** The questioner labels in any case ("Audience member:", which capitalised-word labels miss). */
const QUESTIONER_LABEL_RE = new RegExp(
  `^(?:\\*\\*|__)?(${Object.keys(QUESTIONER_LABELS)
    .sort((a, b) => b.length - a.length)
    .map((l) => l.replace(/ /g, '\\s+'))
    .join('|')})(?:\\*\\*|__)?\\s*:\\s*(?:\\*\\*|__)?(?:\\s+|$)`,
  'i',
);

export function label(b: Block): TurnLabel | null {
  const q = QUESTIONER_LABEL_RE.exec(b.text);
  if (q) return { name: q[1], qualifier: '', length: q[0].length };
  return parseTurnLabel(b.text);
}

/**
 * A shouted label that opens turns elsewhere in the document also opens one after a sentence end inside a
 * paragraph ("What's the problem... SANDERS: Yes."), as transcripts print interruptions.
 */
export function splitInlineTurns(bs: Block[]): Block[] {
  const known = new Set<string>();
  for (const b of bs) {
    const lab = label(b);
    // Only the shouted form: a Title Case name after a full stop is too often prose.
    if (lab && lab.name.length >= 3 && !isQuestioner(lab.name)) known.add(lab.name.toUpperCase());
  }
  if (!known.size) return bs;
  const names = [...known].map(escapeRegExp).join('|');
  const inline = new RegExp(`(?<=[.!?…]|--|—)\\s+(?=(?:${names}):\\s)`, 'gu');
  const out: Block[] = [];
  for (const b of bs) {
    let from = 0;
    for (const m of b.text.matchAll(inline)) {
      const at = m.index + m[0].length;
      out.push({ start: b.start + from, end: b.start + m.index, text: b.text.slice(from, m.index) });
      from = at;
    }
    out.push(from ? { start: b.start + from, end: b.end, text: b.text.slice(from) } : b);
  }
  return out;
}
