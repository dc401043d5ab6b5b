#!/usr/bin/env node
/**
 * npm run -s extract -- <file.txt|.md|.html> [--threshold 0.6] [--speaker "Name"] [--outlet "Name"]
 *   → one JSON object per sentence: {text, start, end, speaker, score, checkworthy, type, reasons, entities}
 * npm run -s extract -- --jsonl <file.jsonl>
 *   → reads {id, text} lines, prints {id, score, checkworthy, type}
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { detectClaims, scoreSentences } from '../detect.js';
import { readDocument } from '../input.js';

function fail(msg: string, code = 1): never {
  process.stderr.write(`extract: ${msg}\n`);
  process.exit(code);
}

const argv = process.argv.slice(2);
let jsonl = false;
let threshold: number | undefined;
let speaker: string | undefined;
let outlet: string | undefined;
let file: string | undefined;
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === '--jsonl') jsonl = true;
  else if (a === '--threshold') threshold = Number(argv[++i]);
  else if (a === '--speaker') speaker = argv[++i];
  else if (a === '--outlet') outlet = argv[++i];
  else if (a === '-h' || a === '--help') {
    process.stdout.write('usage: extract [--jsonl] [--threshold t] [--speaker name] [--outlet name] <file>\n');
    process.exit(0);
  } else if (a.startsWith('--')) fail(`unknown option ${a}`, 2);
  else file = a;
}
if (!file) fail('missing input file (usage: extract [--jsonl] <file>)', 2);
if (threshold !== undefined && !(threshold >= 0 && threshold <= 1)) fail('--threshold must be between 0 and 1', 2);
if (!existsSync(file)) fail(`no such file: ${file}`);
if (!statSync(file).isFile()) fail(`not a file: ${file}`);

const out: string[] = [];
try {
  if (jsonl) {
    const rows: { id: unknown; text: string }[] = [];
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, n) => {
        if (!line.trim()) return;
        let r: { id?: unknown; text?: unknown };
        try {
          r = JSON.parse(line) as { id?: unknown; text?: unknown };
        } catch {
          fail(`${file}:${n + 1}: not valid JSON`);
        }
        if (typeof r.text !== 'string') fail(`${file}:${n + 1}: missing "text"`);
        rows.push({ id: r.id ?? n + 1, text: r.text });
      });
    const scores = await scoreSentences(
      rows.map((r) => r.text),
      { threshold },
    );
    rows.forEach((r, i) => out.push(JSON.stringify({ id: r.id, ...scores[i] })));
  } else {
    const text = readDocument(file);
    const result = await detectClaims(text, { threshold, defaultSpeaker: speaker, outlet });
    for (const s of result.sentences) {
      out.push(
        JSON.stringify({
          text: s.text,
          start: s.start,
          end: s.end,
          speaker: s.speaker,
          score: s.score,
          checkworthy: s.checkworthy,
          type: s.type,
          reasons: s.reasons,
          entities: s.entities,
        }),
      );
    }
  }
} catch (e) {
  fail(`cannot read ${file}: ${(e as Error).message}`);
}
process.stdout.write(out.length ? out.join('\n') + '\n' : '');
