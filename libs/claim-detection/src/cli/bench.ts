#!/usr/bin/env node
/**
 * Sentences per second on one core (this process is single-threaded), structure and speaker
 * detection included for the sample documents; plain sentence scoring for the dev set.
 *   npm run bench:claims [-- --data ../shared/data] [--seconds 3]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectClaims, scoreSentences } from '../detect.js';
import { parseArgs } from '../train/data.js';

const args = parseArgs(process.argv.slice(2));
const seconds = Number(args.seconds ?? 3);
const fixtures = fileURLToPath(new URL('../../../../fixtures/', import.meta.url));
const dataDir = resolve(args.data ?? '../shared/data');

function bench(label: string, run: () => number): void {
  run(); // warm-up (loads the model and wink)
  let sentences = 0;
  let runs = 0;
  const t0 = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < seconds) {
    sentences += run();
    runs++;
    elapsed = Number(process.hrtime.bigint() - t0) / 1e9;
  }
  console.log(`${label}: ${Math.round(sentences / elapsed)} sentences/s (${sentences} sentences in ${elapsed.toFixed(2)} s, ${runs} runs)`);
}

const docs = existsSync(fixtures) ? readdirSync(fixtures).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(fixtures, f), 'utf8')) : [];
if (docs.length) {
  bench(`samples (${docs.length} documents, full detectClaims: structure, speakers, scoring, types, entities)`, () => {
    let n = 0;
    for (const d of docs) n += detectClaims(d).sentences.length;
    return n;
  });
} else console.log(`samples: skipped (no fixtures at ${fixtures})`);

const devPath = join(dataDir, 'checkworthiness/checkthat2024_en/dev.jsonl');
if (existsSync(devPath)) {
  const texts = readFileSync(devPath, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { text: string }).text);
  bench(`CheckThat! 2024 dev (${texts.length} standalone sentences, scoreSentences)`, () => scoreSentences(texts).length);
  const asDoc = texts.join('\n');
  bench(`CheckThat! 2024 dev as one document (detectClaims)`, () => detectClaims(asDoc).sentences.length);
} else console.log(`dev: skipped (no ${devPath}; pass --data <dir>)`);
