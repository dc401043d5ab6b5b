import type { DocumentMetadata, SentenceRole } from '../types.js';
import { SpeakerRegistry } from '../speakers.js';
import { splitSentences, trimSpan } from './split.js';
import { MONTHS, NOT_NAMES } from '../lexicon.js';

/** A sentence located in the document, before scoring. */
export interface SentenceSpan {
  start: number;
  end: number;
  /** Speaker id in the registry, or -1 for unknown. */
  speakerId: number;
  role: SentenceRole;
}

export interface DocumentStructure {
  metadata: DocumentMetadata;
  registry: SpeakerRegistry;
  sentences: SentenceSpan[];
}

export interface StructureOptions {
  defaultSpeaker?: string;
  outlet?: string;
}

interface Block {
  start: number;
  end: number;
  text: string;
}

/** Known publication signatures, for documents that do not name their outlet outright. */
const OUTLET_SIGNATURES: [RegExp, string][] = [
  [/\bMEMRI\b|Special Dispatch No\.?\s*\d+|Inquiry (?:&|and) Analysis (?:Series )?No\.?\s*\d+/i, 'MEMRI'],
  [/\bTASS\b/, 'TASS'],
  [/\bRIA Novosti\b/, 'RIA Novosti'],
  [/\bReuters\b/, 'Reuters'],
  [/\bAssociated Press\b/, 'Associated Press'],
  [/\bAgence France-Presse\b/, 'AFP'],
  [/\bBBC News\b/, 'BBC News'],
];

const MONTH_RE = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\\.?';
const DATE_RES: RegExp[] = [
  new RegExp(`\\b${MONTH_RE}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i'),
  new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH_RE},?\\s+(\\d{4})\\b`, 'i'),
  /\b(\d{4})-(\d{2})-(\d{2})(?!\d)/,
];

/** First date in a string as ISO yyyy-mm-dd, with its match. */
export function findDate(s: string): { iso: string; index: number; length: number } | null {
  let best: { iso: string; index: number; length: number } | null = null;
  for (let r = 0; r < DATE_RES.length; r++) {
    const m = DATE_RES[r].exec(s);
    if (!m) continue;
    let y: number;
    let mo: number;
    let d: number;
    if (r === 0) [mo, d, y] = [monthIndex(m[1]), +m[2], +m[3]];
    else if (r === 1) [d, mo, y] = [+m[1], monthIndex(m[2]), +m[3]];
    else [y, mo, d] = [+m[1], +m[2], +m[3]];
    if (mo < 1 || mo > 12 || d < 1 || d > 31) continue;
    const iso = `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    if (!best || m.index < best.index) best = { iso, index: m.index, length: m[0].length };
  }
  return best;
}

function monthIndex(name: string): number {
  const n = name.toLowerCase().replace('.', '');
  return MONTHS.findIndex((m) => m.startsWith(n.slice(0, 3))) + 1;
}

const TERMINAL = /[.!?…]["'”’)\]]*$|[.!?…]["'”’)\]]*\[\d+\]$/;
const wordCount = (s: string) => (s.match(/[A-Za-z0-9][\w'’-]*/g) ?? []).length;

/** Lines → blocks (paragraphs), joining soft-wrapped lines. Offsets into the original text. */
function blocks(text: string): Block[] {
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

/** "Sergey Lavrov:", "Q:", "Question:", "MODERATOR:" at the start of a block. */
const LABEL_RE = /^(?:\*\*|__)?((?:[A-Z][\w.'’-]*|of|the|de|van|von)(?:\s+(?:[A-Z][\w.'’-]*|of|the|de|van|von)){0,5})(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s+/;
const INTERVIEWER_LABEL = /^(Q|Question|Interviewer|Journalist|Correspondent|Reporter|Host|Moderator)$/i;
const ANSWER_LABEL = /^(A|Answer)$/i;

/** "Note:", "Update:", "Photo:" … are not speakers. */
const LABEL_STOP =
  /^(Note|Notes|Update|Updated|Editor'?s? Note|Source|Sources|Photo|Image|Video|Caption|Summary|Background|Warning|Disclaimer|Correction|Related|Tags?|Read|See|Also|Date|Time|Location|Place|Subject|Re|PS|Example|Step|Tip|Key|Topic|Title|Keywords|Abstract|Contents|Reference|References|Translation|Transcript|Fact|Claim|Verdict|Rating|Category|Excerpt|Excerpts|Part|Chapter|Section|Appendix|Figure|Table|Total|Result|Results)$/i;

function label(b: Block): { name: string; length: number } | null {
  const m = LABEL_RE.exec(b.text);
  if (!m) return null;
  const name = m[1];
  if (INTERVIEWER_LABEL.test(name) || ANSWER_LABEL.test(name)) return { name, length: m[0].length };
  const words = name.split(/\s+/);
  if (words.length > 6 || /\d/.test(name) || (NOT_NAMES.has(words[0]) && words.length === 1) || LABEL_STOP.test(name)) return null;
  if (!words.some((w) => /^[A-Z][a-z'’.-]+$/.test(w) || /^[A-Z]{2,}$/.test(w))) return null;
  return { name, length: m[0].length };
}

/** Title naming the speaker of a first-person text: "Foreign Minister Sergey Lavrov's comment …". */
const TITLE_SPEAKER_RES: RegExp[] = [
  /^(?:.*?[–—|]\s*)?((?:[A-Z][\w.'’-]*\s+){0,5}[A-Z][\w'’-]+)['’]s\s+(?:opening\s+|introductory\s+|closing\s+)?(?:comments?|remarks|statement|speech|address|interview|answers?|article|op-ed|message|news conference|press conference|briefing|greetings|lecture)\b/,
  /(?:^|[:–—|]\s*)(?:(?:Opening|Introductory|Closing)\s+)?(?:Remarks|Statement|Speech|Address|Comments?|Article|Message|Answers)\s+by\s+((?:[A-Z][\w.'’-]*\s+){0,5}[A-Z][\w'’-]+)/,
];

const BOILERPLATE = /^(Share this( Report)?:?|Share|Tweet|Print|Email|Read more\b|Related\b|Tags?:|Click here|Subscribe|Advertisement)|\(Source:?[^)]*$|^\[\d+\]/i;

export function parseDocument(text: string, options: StructureOptions = {}): DocumentStructure {
  const registry = new SpeakerRegistry();
  const metadata: DocumentMetadata = {};
  const bs = blocks(text);
  const sentences: SentenceSpan[] = [];

  // --- Header: leading short blocks (title, date, dispatch line) before the first prose or label.
  let body = 0;
  let titleBlock: Block | null = null;
  for (; body < Math.min(bs.length, 8); body++) {
    const b = bs[body];
    if (label(b) && !/[–—|]/.test(b.text.slice(0, label(b)!.length))) break;
    const prose = TERMINAL.test(b.text) && (wordCount(b.text) > 12 || !findDate(b.text));
    if (prose || wordCount(b.text) > 45) break;
    const date = findDate(b.text);
    if (date && !metadata.date) metadata.date = date.iso;
    let rest = b.text;
    if (date) rest = rest.slice(0, date.index) + rest.slice(date.index + date.length);
    for (const [re] of OUTLET_SIGNATURES) rest = rest.replace(re, '');
    if (!titleBlock && wordCount(rest.replace(/[|]/g, ' ')) >= 4) titleBlock = b;
  }
  const headerEnd = body;
  const head = text.slice(0, bs[Math.min(bs.length - 1, headerEnd + 2)]?.end ?? 0);
  metadata.outlet = options.outlet;
  if (!metadata.outlet) {
    for (const [re, name] of OUTLET_SIGNATURES) {
      if (re.test(head) || re.test(text)) {
        metadata.outlet = name;
        break;
      }
    }
  }
  if (titleBlock) metadata.title = titleBlock.text;
  if (!metadata.date) {
    const d = findDate(text.slice(0, 600));
    if (d) metadata.date = d.iso;
  }

  // --- Who speaks unlabelled body text.
  const outletId = metadata.outlet ? registry.resolveId(metadata.outlet, 'organisation') : -1;
  let titleSpeaker = -1;
  if (titleBlock) {
    for (const re of TITLE_SPEAKER_RES) {
      const m = re.exec(titleBlock.text);
      if (m) {
        titleSpeaker = registry.resolveId(m[1]);
        break;
      }
    }
  }
  const defaultId = options.defaultSpeaker ? registry.resolveId(options.defaultSpeaker) : -1;
  const narrator = titleSpeaker >= 0 ? titleSpeaker : defaultId >= 0 ? defaultId : outletId;
  const narratorRole: SentenceRole = narrator >= 0 && narrator === outletId ? 'narration' : 'statement';
  let interviewee = titleSpeaker >= 0 ? titleSpeaker : defaultId;

  const emit = (b: Block, from: number, speakerId: number, role: SentenceRole, stripQuotes: boolean) => {
    let s = from;
    let e = b.end;
    if (stripQuotes) {
      // Paragraph-level quote wrapper of a quoted answer: drop the opening mark, and the closing one if unbalanced.
      const t = trimSpan(text, s, e);
      if (!t) return;
      [s, e] = t;
    }
    if (role === 'heading' || role === 'title') {
      // Headings are one unit (title case defeats the splitter); drop a 'single-quote' wrapper.
      if (/^['‘]/.test(text[s]) && /['’]$/.test(text[e - 1]) && e - s > 2) {
        s++;
        e--;
      }
      if (/[A-Za-z0-9]/.test(text.slice(s, e))) sentences.push({ start: s, end: e, speakerId, role });
      return;
    }
    const quotes = role === 'narration' ? attributedQuotes(text, b) : [];
    for (const [a, z] of splitSentences(text, s, e)) {
      // In the publication's own text, a sentence mostly inside an attributed quotation is the quoted person's.
      const q = quotes.find((r) => overlap(a, z, r.start, r.end) * 2 > z - a);
      if (q) sentences.push({ start: a, end: z, speakerId: registry.resolveId(q.name), role: 'statement' });
      else sentences.push({ start: a, end: z, speakerId, role });
    }
  };

  // The title is metadata, except a headline "Name: claim", which carries the named person's claim.
  if (titleBlock && titleSpeaker < 0) {
    const colon = titleBlock.text.indexOf(': ');
    const who = colon > 0 ? /([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})$/.exec(titleBlock.text.slice(0, colon)) : null;
    if (who) {
      const id = registry.resolveId(titleBlock.text.slice(0, colon));
      emit(titleBlock, titleBlock.start + colon + 2, id, 'title', true);
    }
  }

  let current = narrator;
  let role: SentenceRole = narratorRole;
  let quotedTurn = false;
  let quoteOpen = false;
  for (let k = headerEnd; k < bs.length; k++) {
    const b = bs[k];
    if (BOILERPLATE.test(b.text)) continue;
    const lab = label(b);
    const isHeading = !TERMINAL.test(b.text) && !/[,;]$/.test(b.text) && (wordCount(b.text) <= 30 || titleCase(b.text));
    if (lab) {
      let id: number;
      let r: SentenceRole;
      if (INTERVIEWER_LABEL.test(lab.name)) {
        id = registry.resolveId(lab.name);
        r = 'question';
      } else if (ANSWER_LABEL.test(lab.name)) {
        id = interviewee >= 0 ? interviewee : registry.resolveId('Interviewee');
        r = 'statement';
      } else {
        id = registry.resolveId(lab.name);
        r = 'statement';
        if (interviewee < 0 || isHeading) interviewee = interviewee < 0 ? id : interviewee;
      }
      const contentStart = b.start + lab.length;
      const content = text.slice(contentStart, b.end);
      emit(b, contentStart, id, isHeading ? 'heading' : r, true);
      if (isHeading) continue;
      current = id;
      role = r;
      quotedTurn = /^["“«]/.test(content);
      quoteOpen = quotedTurn && !closesQuote(content);
      continue;
    }
    if (isHeading) {
      emit(b, b.start, outletId >= 0 ? outletId : current === narrator ? narrator : -1, 'heading', true);
      continue;
    }
    const startsQuote = /^["“«]/.test(b.text);
    if (quotedTurn && !startsQuote && !quoteOpen && outletId >= 0) {
      // A press dispatch resumes its own narration after a closed quotation.
      current = outletId;
      role = 'narration';
      quotedTurn = false;
    }
    emit(b, b.start, current, role, startsQuote);
    if (quotedTurn) quoteOpen = startsQuote ? !closesQuote(b.text) : quoteOpen;
  }
  return { metadata, registry, sentences };
}

const NAME = `((?:(?:[A-Z][\\w'’-]*|[A-Z]\\.)\\s+){0,3}[A-Z][\\w'’-]+)`;
const SAY = `(?:said|says|stated|added|noted|stressed|emphasi[sz]ed|declared|wrote|explained|insisted|warned|told [^"“”:]{1,40}?)`;
const QUOTE_AFTER = new RegExp(`${NAME}\\s+${SAY}\\s*[:,]?\\s*["“]([^"”]+)["”]`, 'g');
const QUOTE_BEFORE = new RegExp(`["“]([^"”]+)["”],?\\s+(?:${SAY}\\s+${NAME}|${NAME}\\s+${SAY})`, 'g');
const PRONOUNS = new Set(['He', 'She', 'They', 'It', 'We', 'I', 'The', 'This']);

/** Quotations in a paragraph attributed to a named person ("Lavrov said: "…"", ""…," said Lavrov"). */
function attributedQuotes(text: string, b: Block): { start: number; end: number; name: string }[] {
  const out: { start: number; end: number; name: string }[] = [];
  for (const m of b.text.matchAll(QUOTE_AFTER)) {
    const name = m[1];
    if (PRONOUNS.has(name.split(/\s+/)[0])) continue;
    const qStart = b.start + m.index + m[0].length - m[2].length - 1;
    out.push({ start: qStart, end: qStart + m[2].length, name });
  }
  for (const m of b.text.matchAll(QUOTE_BEFORE)) {
    const name = m[2] ?? m[3];
    if (!name || PRONOUNS.has(name.split(/\s+/)[0])) continue;
    const qStart = b.start + m.index + 1;
    out.push({ start: qStart, end: qStart + m[1].length, name });
  }
  return out;
}

const overlap = (a: number, b: number, c: number, d: number) => Math.max(0, Math.min(b, d) - Math.max(a, c));

function titleCase(s: string): boolean {
  const words = s.match(/[A-Za-z][\w'’-]*/g) ?? [];
  const caps = words.filter((w) => /^[A-Z]/.test(w)).length;
  return words.length > 0 && caps / words.length > 0.7;
}

/** Whether a paragraph that opened a quotation also closes it. */
function closesQuote(s: string): boolean {
  const n = (s.match(/["“”«»]/g) ?? []).length;
  return n % 2 === 0;
}
