#!/usr/bin/env node
/**
 * Speaker attribution on real transcripts.
 *   npm run eval:transcripts -- --data ../shared/data [--labels printed|title|timed] [--debate <id>] [--errors 5] [--aliases 1]
 * Rebuilds each CheckThat! 2019 debate (one JSON line per sentence, speaker as printed, SYSTEM for stage
 * directions) as a `SPEAKER: text` transcript, runs detectClaims on it and aligns the detected sentences
 * with the original lines by offsets. Prints per debate and overall: speaker accuracy (lines whose detected
 * speaker carries the line's label as its name or an alias), sentences containing a speaker label or a stage
 * direction (target 0), speakers that are not people, and the role of each speaker.
 */
import { resolve } from 'node:path';
import { detectClaims } from '../detect.js';
import {
  args,
  damaged,
  isDirection,
  LABEL_STYLES,
  load,
  printedLabel,
  rebuild,
  score,
  type LabelStyle,
} from './checkthat.js';

const a = args(process.argv.slice(2));
if (!a.data) {
  process.stderr.write('error: --data <dir> is required (the shared data, e.g. --data ../shared/data)\n');
  process.exit(2);
}
const style = (a.labels ?? 'printed') as LabelStyle;
if (!LABEL_STYLES.includes(style)) {
  process.stderr.write(`error: --labels must be one of ${LABEL_STYLES.join(', ')}\n`);
  process.exit(2);
}
const debates = load(resolve(a.data));
const showErrors = Number(a.errors ?? 3);
let lines = 0;
let right = 0;
let leaks = 0;
let notPeople = 0;
let i = 0;
for (const [id, ls] of debates) {
  if (a.debate && a.debate !== id) continue;
  const { text, placed } = rebuild(ls, i++ % 2 === 1, style);
  const result = await detectClaims(text);
  const labels = [...new Set(ls.filter((l) => !isDirection(l) && !damaged(l)).map((l) => printedLabel(l.speaker)))];
  const s = score(text, placed, result, labels);
  lines += s.lines;
  right += s.right;
  leaks += s.leaks.length;
  const orgs = result.speakers.filter((sp) => sp.kind !== 'person');
  notPeople += orgs.length;
  const count = new Map<string, number>();
  for (const x of result.sentences) if (x.speaker) count.set(x.speaker, (count.get(x.speaker) ?? 0) + 1);
  console.log(
    `${id.padEnd(26)} accuracy ${(s.right / s.lines).toFixed(4)} (${s.right}/${s.lines})  leaks ${s.leaks.length}` +
      `  not people ${orgs.length}\n    ` +
      result.speakers
        .map(
          (sp) =>
            `${sp.name}${'aliases' in a ? ' {' + sp.aliases.join(' | ') + '}' : ''} [${sp.role ?? '-'}${sp.kind === 'person' ? '' : ', ' + sp.kind}] ${count.get(sp.name) ?? 0}`,
        )
        .join('; '),
  );
  for (const e of s.errors.slice(0, showErrors)) console.log(`    ✗ ${e}`);
  for (const e of s.leaks.slice(0, showErrors)) console.log(`    leak: ${e.slice(0, 100)}`);
}
console.log(
  `\nall (labels ${style}): speaker accuracy ${(right / lines).toFixed(4)} (${right}/${lines} lines), ` +
    `sentences with a label or stage direction ${leaks}, speakers not people ${notPeople}`,
);
