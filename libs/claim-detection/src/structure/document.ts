// A document's structure in one pass (header, turns, speakers, sentences); one file (~320 lines) because each
// step reads the state the previous one left, and splitting it would pass that state around.
import { isAskingRole, isQuestioner } from '@factdesk/domain';
import { blocks, label, splitInlineTurns, TERMINAL, wordCount, type Block } from './blocks.js';
import type { DocumentMetadata, SentenceRole } from '../types.js';
import { SpeakerRegistry } from '../speakers.js';
import { splitSentences, trimSpan } from './split.js';
import { MONTHS } from '../lexicon.js';
import { assignRoles, completeNames, type Labelled } from './roles.js';
import { ANSWER_LABEL, caseForNames, headerList, withoutDirections, type ListRole } from './transcript.js';

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

const MONTH_RE =
  '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\\.?';
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

/** Title naming the speaker of a first-person text: "Foreign Minister Sergey Lavrov's comment …". */
const TITLE_SPEAKER_RES: RegExp[] = [
  /^(?:.*?[–—|]\s*)?((?:[A-Z][\w.'’-]*\s+){0,5}[A-Z][\w'’-]+)['’]s\s+(?:opening\s+|introductory\s+|closing\s+)?(?:comments?|remarks|statement|speech|address|interview|answers?|article|op-ed|message|news conference|press conference|briefing|greetings|lecture)\b/,
  /(?:^|[:–—|]\s*)(?:(?:Opening|Introductory|Closing)\s+)?(?:Remarks|Statement|Speech|Address|Comments?|Article|Message|Answers)\s+by\s+((?:[A-Z][\w.'’-]*\s+){0,5}[A-Z][\w'’-]+)/,
];

const BOILERPLATE =
  /^(Share this( Report)?:?|Share|Tweet|Print|Email|Read more\b|Related\b|Tags?:|Click here|Subscribe|Advertisement)|\(Source:?[^)]*$|^\[\d+\]|^THIS IS A RUSH TRANSCRIPT\b|^(END|\d{1,2}:\d{2}\s*[AP]\.?M\.?(\s+[A-Z]{2,4})?)$/i;

export function parseDocument(text: string, options: StructureOptions = {}): DocumentStructure {
  const registry = new SpeakerRegistry();
  const metadata: DocumentMetadata = {};
  const bs = splitInlineTurns(blocks(text));
  const sentences: SentenceSpan[] = [];

  // --- Header: leading short blocks (title, date, dispatch line) before the first prose or label.
  let body = 0;
  let titleBlock: Block | null = null;
  const lists: { role: ListRole; names: string[] }[] = [];
  for (; body < Math.min(bs.length, 12); body++) {
    const b = bs[body];
    const list = headerList(b.text);
    if (list) {
      // "MODERATORS: …", "PARTICIPANTS: …": who is who, not text to check.
      lists.push(list);
      continue;
    }
    if (body >= 8) break;
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
  // Metadata comes from the first lines only: a transcript's header, or a dispatch's first paragraphs, never
  // from a mention deep in the text ("… from Reuters" near the end of a debate).
  const transcript = headerEnd < bs.length && label(bs[headerEnd]) !== null;
  const headBlocks = transcript ? headerEnd : Math.min(bs.length, headerEnd + 3);
  const head = headBlocks > 0 ? text.slice(0, bs[headBlocks - 1].end) : '';
  metadata.outlet = options.outlet;
  if (!metadata.outlet) {
    for (const [re, name] of OUTLET_SIGNATURES) {
      if (re.test(head)) {
        metadata.outlet = name;
        break;
      }
    }
  }
  // A header line naming who speaks ("REMARKS BY PRESIDENT TRUMP IN PRESS CONFERENCE") is the title, even after
  // a letterhead ("The White House", "Office of the Press Secretary").
  const named = bs
    .slice(0, headerEnd)
    .find((b) => b !== titleBlock && TITLE_SPEAKER_RES.some((re) => re.test(caseForNames(b.text))));
  if (named && !(titleBlock && TITLE_SPEAKER_RES.some((re) => re.test(caseForNames(titleBlock!.text)))))
    titleBlock = named;
  if (titleBlock) metadata.title = titleBlock.text;
  if (!metadata.date) {
    const d = findDate(head.slice(0, 600));
    if (d) metadata.date = d.iso;
  }

  // --- Who speaks unlabelled body text.
  const outletId = metadata.outlet ? registry.resolveId(metadata.outlet, 'organisation') : -1;
  let titleSpeaker = -1;
  if (titleBlock) {
    for (const re of TITLE_SPEAKER_RES) {
      const m = re.exec(caseForNames(titleBlock.text));
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
      for (const [a, z] of withoutDirections(text, s, e)) {
        const t = trimSpan(text, a, z);
        if (t && /[A-Za-z0-9]/.test(text.slice(t[0], t[1])))
          sentences.push({ start: t[0], end: t[1], speakerId, role });
      }
      return;
    }
    const quotes = role === 'narration' ? attributedQuotes(text, b) : [];
    // Stage directions and timestamps are not text: sentences are split around them.
    const spans = withoutDirections(text, s, e).flatMap(([a, z]) => splitSentences(text, a, z));
    for (const [a, z] of spans) {
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
  const labelled: Labelled = new Map();
  for (let k = headerEnd; k < bs.length; k++) {
    const b = bs[k];
    if (BOILERPLATE.test(b.text)) continue;
    // A block of stage directions only ("(APPLAUSE)", "[00:12:34]") neither speaks nor ends the turn.
    const parts = withoutDirections(text, b.start, b.end);
    if (!parts.length) continue;
    const plain = parts.map(([a, z]) => text.slice(a, z).trim()).join(' ');
    const lab = label(b);
    const isHeading = !TERMINAL.test(plain) && !/[,;]$/.test(plain) && (wordCount(plain) <= 30 || titleCase(plain));
    if (lab) {
      let id: number;
      let r: SentenceRole;
      const content = text.slice(b.start + lab.length, b.end);
      // A labelled heading is a quoted or title-case line ("Lavrov: 'Our Foreign Policy …'"), not a cut-off turn.
      const labelHeading =
        isHeading &&
        /[\p{L}\p{N}]/u.test(content) &&
        (/^['‘"“]/.test(content) || (titleCase(content) && wordCount(content) >= 4));
      if (isQuestioner(lab.name)) {
        id = registry.resolveId(lab.name);
        r = 'question';
      } else if (ANSWER_LABEL.test(lab.name)) {
        id = interviewee >= 0 ? interviewee : registry.resolveId('Interviewee');
        r = 'statement';
      } else {
        id = registry.resolveLabel(lab.name, { title: caseForNames(metadata.title ?? ''), head: caseForNames(head) });
        r = 'statement';
        if (interviewee < 0) interviewee = id;
      }
      const seen = labelled.get(id) ?? { first: b.start, qualifiers: [], labels: [] };
      if (lab.qualifier) seen.qualifiers.push(lab.qualifier);
      if (!seen.labels.includes(lab.name)) seen.labels.push(lab.name);
      labelled.set(id, seen);
      emit(b, b.start + lab.length, id, labelHeading ? 'heading' : r, true);
      if (labelHeading) continue;
      current = id;
      role = r;
      quotedTurn = /^["“«]/.test(content);
      quoteOpen = quotedTurn && !closesQuote(content);
      continue;
    }
    // Inside a labelled turn a short unfinished paragraph ("And we will win so big --") continues the turn;
    // only a Title Case line is a heading there.
    if (isHeading && !(labelled.has(current) && !titleCase(plain))) {
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
  completeNames(text, registry, labelled);
  assignRoles(text, registry, sentences, { lists, labelled, outletId, head });
  // A moderator's, interviewer's or questioner's turn is a question turn, however the label reads.
  for (const sp of sentences) {
    if (sp.role === 'statement' && sp.speakerId >= 0 && isAskingRole(registry.roleOf(sp.speakerId)))
      sp.role = 'question';
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
