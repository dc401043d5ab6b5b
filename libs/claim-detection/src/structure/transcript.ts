// Transcript conventions: turn labels ("O'MALLEY:", "SEN. BERNIE SANDERS (D-VT), PRESIDENTIAL CANDIDATE:",
// "[00:12:34] Lesley Stahl:"), stage directions and timestamps, display names of shouted labels, and header lists
// of who moderates and who takes part.
import { isQuestioner, type SpeakerRole } from '@factdesk/domain';
import { NOT_NAMES } from '../lexicon.js';

/** Words that open a stage direction in () or [] whatever their case: "(inaudible)", "[Laughter]", "(Off mic.)". */
const STAGE_WORDS =
  /^(?:inaudible|unintelligible|indiscernible|crosstalk|cross-talk|cross talk|laughter|laughs|laughing|applause|applauding|cheers|cheering|booing|boos?|off[- ]mic|off[- ]camera|commercial break|break|pause|silence|music|sighs?|coughs?|audio|technical|video|begin|end|speaking|through (?:an )?(?:interpreter|translator)|as translated|via translator|in (?:spanish|french|russian|foreign language)|foreign language|audience|bell|gavel|phone|sound|gap|no audio|static|chuckles?|clears throat|groans?|gasps?|chants?|chanting|whistles?|whistling|screams?|singing|shouting|shouts?|clapping|murmurs?|protesters?|heckler|interruption|interposing|unknown|overlapping|background|recess|break in|end of|transcript)\b/i;
/** Bracketed or parenthesised timestamp, e.g. [00:12:34], (01:23), [1:02:03.5]. */
const TIME = String.raw`\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?`;
const BRACKETED_TIME = new RegExp(String.raw`^[([]\s*${TIME}\s*[)\]]$`);
/** A bare hh:mm:ss timestamp (minutes-only "12:34" is too often a time of day or a ratio in prose). */
const BARE_TIME = new RegExp(String.raw`(?<![\w:.])\d{1,2}:\d{2}:\d{2}(?:[.,]\d+)?(?![\w:])`, 'g');

/** Whether a () or [] group's contents are a stage direction: "APPLAUSE", "BELL RINGS", "Inaudible.". */
function isStageContent(inner: string): boolean {
  const s = inner.trim();
  if (!s || s.length > 80) return false;
  if (STAGE_WORDS.test(s)) return true;
  // All-caps directions: "(BELL RINGS)", "(AUDIENCE REACTION)", "(CHANTING)"; not "(D-VT)", "(AP)" or "(NAFTA)".
  if (/[a-z]/.test(s) || /\d/.test(s) || !/[A-Z]{4,}/.test(s)) return false;
  return /\s/.test(s) || /[A-Z]{3,}ING$/.test(s);
}

/** [start, end) ranges of stage directions and timestamps within text[from, to). */
export function directionRanges(text: string, from = 0, to = text.length): [number, number][] {
  const out: [number, number][] = [];
  const slice = text.slice(from, to);
  for (const m of slice.matchAll(/[([]([^()[\]\n]{0,80})[)\]]/g)) {
    const whole = m[0];
    if ((whole[0] === '(') !== (whole[whole.length - 1] === ')')) continue;
    if (isStageContent(m[1]) || BRACKETED_TIME.test(whole)) out.push([from + m.index, from + m.index + whole.length]);
  }
  for (const m of slice.matchAll(BARE_TIME)) out.push([from + m.index, from + m.index + m[0].length]);
  out.sort((a, b) => a[0] - b[0]);
  // Merge touching ranges so "(APPLAUSE) (CHEERING)" is one.
  const merged: [number, number][] = [];
  for (const r of out) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1] + 1 && /^\s*$/.test(text.slice(last[1], r[0]))) last[1] = Math.max(last[1], r[1]);
    else if (!last || r[0] >= last[1]) merged.push([...r]);
  }
  return merged;
}

/** The parts of text[from, to) outside stage directions and timestamps. */
export function withoutDirections(text: string, from: number, to: number): [number, number][] {
  const out: [number, number][] = [];
  let s = from;
  for (const [a, b] of directionRanges(text, from, to)) {
    if (a > s) out.push([s, a]);
    s = b;
  }
  if (to > s) out.push([s, to]);
  return out.filter(([a, b]) => /[\p{L}\p{N}]/u.test(text.slice(a, b)));
}

/** Leading stage directions, timestamps and markdown emphasis before a label: "(APPLAUSE) CLINTON:", "[00:01:02] Q:". */
function prefixLength(s: string): number {
  let i = 0;
  for (;;) {
    const rest = s.slice(i);
    const m = /^\s*(?:[([][^()[\]]{0,80}[)\]]|\d{1,2}:\d{2}:\d{2}(?:[.,]\d+)?)\s*/.exec(rest);
    if (!m || !directionRanges(m[0].trim()).length) return i;
    i += m[0].length;
  }
}

/** The answer side of an interview's Q/A labels. */
export const ANSWER_LABEL = /^(A|Answer)$/i;

/** Honorifics and titles a label may open with. */
const LABEL_TITLE = String.raw`(?:Mr|Mrs|Ms|Mx|Dr|Sen|Gov|Rep|Sec|Gen|Rev|Prof|Amb|Lt|Col|Pres|Adm|Hon|Sgt|Capt|Cmdr|Supt|Insp|Det|Fr|Sr|Jr|St)\.?`;
/** One name word: O'MALLEY, O'Rourke, McCAIN, MacArthur, OCASIO-CORTEZ, DeSANTIS, D'Angelo, Łukaszenka. */
const NAME_WORD = String.raw`\p{Lu}[\p{L}]*(?:['’]\p{L}+)*(?:-\p{L}+(?:['’]\p{L}+)*)*\.?`;
/** Lower-case words inside names: "Beto de la Cruz", "Ursula von der Leyen", "Prince of Wales". */
const PARTICLES = [
  'de',
  'da',
  'del',
  'della',
  'der',
  'den',
  'di',
  'do',
  'dos',
  'du',
  'la',
  'le',
  'van',
  'von',
  'bin',
  'ibn',
];
const PARTICLE = `(?:${[...PARTICLES, 'al', 'el', 'ben', 'y', 'of', 'the'].join('|')})`;
const TOKEN = String.raw`(?:${LABEL_TITLE}|${NAME_WORD}|\p{Lu}\.|${PARTICLE})`;
const LABEL_RE = new RegExp(
  String.raw`^(?:\*\*|__)?(${TOKEN}(?:\s+${TOKEN}){0,6})` +
    // "(D-VT)", "(voice-over)", "(through translator)", then ", PRESIDENTIAL CANDIDATE" / ", CNN MODERATOR".
    String.raw`(\s*\([^()\n]{1,60}\))?((?:\s*,\s*[\p{L}'’.\- ]{2,60}){0,3})?` +
    String.raw`(?:\*\*|__)?\s*[:：]\s*(?:\*\*|__)?(?:\s+|$)`,
  'u',
);
/** Otter-style label on its own line: "Lesley Stahl  00:12" or "LESLEY STAHL 0:03:12". */
const TIMED_LABEL_RE = new RegExp(String.raw`^(${TOKEN}(?:\s+${TOKEN}){0,6})\s+(?:\(|\[)?${TIME}(?:\)|\])?$`, 'u');
/** "Speaker 1:", "SPEAKER 2:" (unnamed speakers in machine transcripts). */
const NUMBERED_RE = /^(?:\*\*|__)?((?:Speaker|SPEAKER|Participant|PARTICIPANT)\s+\d{1,2})(?:\*\*|__)?\s*:\s*/;

/** "Note:", "Update:", "Photo:" … are not speakers. */
const LABEL_STOP =
  /^(Note|Notes|Update|Updated|Editor'?s? Note|Source|Sources|Photo|Image|Video|Caption|Summary|Background|Warning|Disclaimer|Correction|Related|Tags?|Read|See|Also|Date|Time|Location|Place|Subject|Re|PS|Example|Step|Tip|Key|Topic|Title|Keywords|Abstract|Contents|Reference|References|Translation|Transcript|Fact|Claim|Verdict|Rating|Category|Excerpt|Excerpts|Part|Chapter|Section|Appendix|Figure|Table|Total|Result|Results|Moderators?|Panelists?|Participants?|Candidates?|Guests?|Speakers?|Interviewers?|Hosts?|Present|Attendees|Location|Dateline|Byline|Posted|Published|Copyright|Warning|Live|Breaking|Watch|Listen|Highlights|Bottom Line|Why|What|How|Answer)$/i;

export interface TurnLabel {
  /** The label as printed, without qualifiers: "SEN. BERNIE SANDERS", "O'MALLEY", "Q". */
  name: string;
  /** What follows the name: "(D-VT), PRESIDENTIAL CANDIDATE", ", CNN MODERATOR". */
  qualifier: string;
  /** Characters from the block start to the turn's text (prefix, label, colon, space). */
  length: number;
}

/** The speaker label opening a block of text, or null. */
export function parseTurnLabel(text: string): TurnLabel | null {
  const skip = prefixLength(text);
  const s = text.slice(skip);
  const numbered = NUMBERED_RE.exec(s);
  if (numbered) return { name: numbered[1], qualifier: '', length: skip + numbered[0].length };
  const timed = TIMED_LABEL_RE.exec(s);
  const m = LABEL_RE.exec(s) ?? (timed && isNameLike(timed[1]) ? timed : null);
  if (!m) return null;
  const name = m[1].trim();
  const qualifier = ((m[2] ?? '') + (m[3] ?? '')).trim();
  const length = skip + m[0].length;
  if (isQuestioner(name) || ANSWER_LABEL.test(name)) return { name, qualifier, length };
  const words = name.split(/\s+/);
  if (LABEL_STOP.test(name) || (words.length === 1 && NOT_NAMES.has(words[0]))) return null;
  if (!isNameLike(name)) return null;
  return { name, qualifier, length };
}

/** Capitalised or shouted name words, not a lower-case phrase ("The bottom line"). */
function isNameLike(name: string): boolean {
  const words = name.split(/\s+/);
  if (words.length > 7) return false;
  const caps = words.filter((w) => /^\p{Lu}/u.test(w));
  if (!caps.length || caps.length < words.length - 2) return false;
  return words.some(
    (w) => /^\p{Lu}[\p{Ll}'’.-]+/u.test(w) || /^\p{Lu}[\p{Lu}'’.-]+$/u.test(w) || /^Ma?c\p{Lu}/u.test(w),
  );
}

/** A label that names a role, not a person: "THE PRESIDENT", "THE VICE PRESIDENT", "THE PRIME MINISTER". */
export const ROLE_LABEL =
  /^the\s+((?:vice\s+|prime\s+|first\s+|deputy\s+)?(?:president|minister|lady|speaker|chairman|chair|secretary|governor|mayor|chancellor|king|queen))$/i;

/** Words a shouted name keeps in lower case: particles and the small words of titles ("Prince of Wales"). */
const SMALL = new Set([...PARTICLES, 'y', 'of', 'the', 'and', 'by', 'in', 'at', 'on', 'for', 'to', 'with']);

/** One shouted word in proper case: O'MALLEY → O'Malley, McCAIN/MCCAIN → McCain, OCASIO-CORTEZ → Ocasio-Cortez. */
function wordCase(w: string, first: boolean): string {
  if (!/\p{Lu}{2}/u.test(w) && !/^\p{Lu}$/u.test(w)) return w; // already in mixed case ("Kasich", "McCain")
  const lower = w.toLowerCase();
  if (!first && SMALL.has(lower)) return lower;
  // Keep a mixed-case prefix as printed ("McCAIN" → "Mc" + "Cain", "DeSANTIS" → "De" + "Santis").
  const mixed = /^(\p{Lu}\p{Ll}+)(\p{Lu}{2,}.*)$/u.exec(w);
  if (mixed) return mixed[1] + wordCase(mixed[2], true);
  return lower
    .split(/(['’-])/)
    .map((part, i, parts) => {
      if (part === "'" || part === '’' || part === '-') return part;
      // "'s" and "'t" stay lower; O'Malley, D'Angelo do not.
      if (i > 0 && parts[i - 1] !== '-' && part.length <= 1) return part;
      const cap = part.charAt(0).toUpperCase() + part.slice(1);
      return /^mc./.test(part) ? 'Mc' + part.charAt(2).toUpperCase() + part.slice(3) : cap;
    })
    .join('');
}

/** A label as a person's name is written: "LESLEY STAHL" → "Lesley Stahl", "SEN. SANDERS" → "Sen. Sanders". */
export function displayCase(label: string): string {
  return label
    .trim()
    .split(/\s+/)
    .map((w, i) => wordCase(w, i === 0))
    .join(' ');
}

/** Shouted lines in proper case, so name patterns read them ("REMARKS BY PRESIDENT TRUMP" → "Remarks by President Trump"). */
export function caseForNames(text: string): string {
  return text
    .split('\n')
    .map((line) => (/\p{Lu}{2}/u.test(line) && !/\p{Ll}/u.test(line) ? displayCase(line) : line))
    .join('\n');
}

/** The role a label's qualifier states: "LESTER HOLT, MODERATOR" → moderator, ", CNN ANCHOR" → interviewer. */
export function qualifierRole(qualifier: string): Exclude<ListRole, 'participant'> | null {
  if (/\bmoderat/i.test(qualifier)) return 'moderator';
  if (/\b(anchor|host|interviewer|presenter|correspondent)\b/i.test(qualifier)) return 'interviewer';
  if (/\b(panelist|questioner|reporter|journalist)\b/i.test(qualifier)) return 'questioner';
  return null;
}

/** Header lists: "MODERATORS: Lester Holt, NBC News; …", "PARTICIPANTS: Former Secretary of State Hillary Clinton (D) and …". */
const LIST_RE =
  /^\s*(moderators?|co-moderators?|panelists?|questioners?|interviewers?|hosts?|participants?|candidates?|guests?|speakers?|present|interviewees?)\s*[:：]\s*(.+)$/i;

/** The roles a header list or a label's qualifier can give (the publication is found otherwise). */
export type ListRole = Exclude<SpeakerRole, 'publication'>;

export function headerList(line: string): { role: ListRole; names: string[] } | null {
  const m = LIST_RE.exec(line);
  if (!m) return null;
  const head = m[1].toLowerCase();
  const role: ListRole = /moderat/.test(head)
    ? 'moderator'
    : /panel|questioner/.test(head)
      ? 'questioner'
      : /interviewer|host/.test(head)
        ? 'interviewer'
        : 'participant';
  const names = m[2]
    .split(/;|\band\b|,(?=\s*(?:and\s+)?(?:\p{Lu}[\p{Ll}.]+\s+)*\p{Lu})/u)
    .map((s) =>
      s
        .replace(/\([^)]*\)/g, '')
        .replace(/,.*$/, '')
        .trim(),
    )
    .filter((s) => /\p{Lu}/u.test(s) && s.split(/\s+/).length <= 10);
  if (!names.length) return null;
  // "MODERATOR: Good evening and welcome." is a turn, not a list: a singular heading takes names only.
  const plural = /s$/i.test(m[1]) || /^present$/i.test(m[1]);
  const lowerWords = (n: string) =>
    n.split(/\s+/).filter((w) => /^\p{Ll}/u.test(w) && !SMALL.has(w) && w !== 'and').length;
  if (!plural && (/[.!?]["'”’]?$/.test(m[2].trim()) || names.some((n) => lowerWords(n) > 1))) return null;
  return { role, names };
}
