#!/usr/bin/env node
/**
 * Sentences per second on one core (detectClaims on this thread), structure and speaker detection included
 * for the sample documents; plain sentence scoring for the dev set; then the samples through
 * ClaimDetectorPool (the worker's way) with one thread and with one per core, all documents at once.
 *   npm run bench:claims [-- --data ../shared/data] [--seconds 3]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectClaims, scoreSentences } from '../detect.js';
import { ClaimDetectorPool } from '../pool.js';
import { defaultScorer, type CheckworthinessScorer } from '../scorer.js';
import { parseArgs } from '../train/data.js';

const args = parseArgs(process.argv.slice(2));
const seconds = Number(args.seconds ?? 3);
const fixtures = fileURLToPath(new URL('../../../../fixtures/', import.meta.url));
const dataDir = resolve(args.data ?? '../shared/data');

async function bench(label: string, run: () => number | Promise<number>): Promise<void> {
  await run(); // warm-up (loads the model and wink)
  let sentences = 0;
  let runs = 0;
  const t0 = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < seconds) {
    sentences += await run();
    runs++;
    elapsed = Number(process.hrtime.bigint() - t0) / 1e9;
  }
  console.log(
    `${label}: ${Math.round(sentences / elapsed)} sentences/s (${sentences} sentences in ${elapsed.toFixed(2)} s, ${runs} runs)`,
  );
}

/** The shipped scorer, counting the sentences its band sends to the encoder. */
function counting(): { scorer: CheckworthinessScorer; embedded: () => number } {
  const base = defaultScorer();
  const e = base.embedder;
  let n = 0;
  const scorer: CheckworthinessScorer = {
    name: base.name,
    threshold: base.threshold,
    score: (input) => base.score(input),
    ...(e
      ? {
          embedder: {
            near: (score: number, threshold: number) => e.near(score, threshold),
            embed: (texts: string[]) => {
              n += texts.length;
              return e.embed(texts);
            },
          },
        }
      : {}),
  };
  return { scorer, embedded: () => n };
}
const share = (embedded: number, of: number) =>
  `${embedded} of ${of} sentences embedded (${((100 * embedded) / Math.max(1, of)).toFixed(1)}%, the band around the threshold)`;

const docs = existsSync(fixtures)
  ? readdirSync(fixtures)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => readFileSync(join(fixtures, f), 'utf8'))
  : [];
if (docs.length) {
  await bench(
    `samples (${docs.length} documents, full detectClaims: structure, speakers, scoring, types, entities)`,
    async () => {
      let n = 0;
      for (const d of docs) n += (await detectClaims(d)).sentences.length;
      return n;
    },
  );
  if (defaultScorer().embedder) {
    const c = counting();
    let n = 0;
    for (const d of docs) n += (await detectClaims(d, { scorer: c.scorer })).sentences.length;
    console.log(`samples: ${share(c.embedded(), n)}`);
  }
  for (const size of [...new Set([1, availableParallelism()])]) {
    const pool = new ClaimDetectorPool(size);
    // Each document four times, all at once: enough work for every thread.
    const batch = [...docs, ...docs, ...docs, ...docs];
    await bench(`samples through ClaimDetectorPool, ${size} thread(s), ${batch.length} documents at once`, async () =>
      (await Promise.all(batch.map((d) => pool.detect(d)))).reduce((n, r) => n + r.sentences.length, 0),
    );
    await pool.close();
  }
} else console.log(`samples: skipped (no fixtures at ${fixtures})`);

const devPath = join(dataDir, 'checkworthiness/checkthat2024_en/dev.jsonl');
if (existsSync(devPath)) {
  const texts = readFileSync(devPath, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { text: string }).text);
  await bench(
    `CheckThat! 2024 dev (${texts.length} standalone sentences, scoreSentences)`,
    async () => (await scoreSentences(texts)).length,
  );
  if (defaultScorer().embedder) {
    const c = counting();
    await scoreSentences(texts, { scorer: c.scorer });
    console.log(`dev: ${share(c.embedded(), texts.length)}`);
  }
  const asDoc = texts.join('\n');
  await bench(
    `CheckThat! 2024 dev as one document (detectClaims)`,
    async () => (await detectClaims(asDoc)).sentences.length,
  );
} else console.log(`dev: skipped (no ${devPath}; pass --data <dir>)`);
