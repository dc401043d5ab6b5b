import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface Example {
  id: string;
  text: string;
  label: number;
  debate: string;
}

function readJsonl(path: string): Record<string, unknown>[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** Parse `--data <dir>` (and other `--key value` flags) from argv. */
export function parseArgs(argv: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      if (eq > 0) out[a.slice(2, eq)] = a.slice(eq + 1);
      else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) out[a.slice(2)] = argv[++i];
      else out[a.slice(2)] = 'true';
    }
  }
  return out;
}

/** Resolve and check the data directory; exits with a clear message when files are missing. */
export function requireData(dir: string | undefined): string {
  if (!dir) {
    process.stderr.write('error: --data <dir> is required (the shared labelled data, e.g. --data ../shared/data)\n');
    process.exit(2);
  }
  const root = resolve(dir);
  const needed = [
    'checkworthiness/checkthat2024_en/train.jsonl',
    'checkworthiness/checkthat2024_en/dev.jsonl',
    'checkworthiness/claimbuster/train.jsonl',
    'checkworthiness/claimbuster/dev.jsonl',
  ];
  const missing = needed.filter((p) => !existsSync(join(root, p)));
  if (missing.length) {
    process.stderr.write(`error: data directory ${root} is missing:\n${missing.map((m) => '  ' + m).join('\n')}\n`);
    process.exit(2);
  }
  return root;
}

/**
 * CheckThat! 2024 English train, cleaned (no "#NAME?", exact duplicates removed, conflicting
 * labels dropped), each row joined with its debate from the ClaimBuster metadata.
 */
export function loadTrain(root: string): Example[] {
  const debates = new Map<string, string>();
  for (const f of ['train', 'dev', 'test']) {
    const p = join(root, 'checkworthiness/claimbuster', f + '.jsonl');
    if (!existsSync(p)) continue;
    for (const r of readJsonl(p)) debates.set(String(r.id), String(r.debate));
  }
  const rows = readJsonl(join(root, 'checkworthiness/checkthat2024_en/train.jsonl'));
  const byText = new Map<string, Example[]>();
  for (const r of rows) {
    const text = String(r.text).trim();
    if (!text || text === '#NAME?') continue;
    const ex = { id: String(r.id), text, label: Number(r.label), debate: debates.get(String(r.id)) ?? 'unknown' };
    const list = byText.get(text) ?? [];
    list.push(ex);
    byText.set(text, list);
  }
  const out: Example[] = [];
  for (const list of byText.values()) {
    const labels = new Set(list.map((e) => e.label));
    if (labels.size > 1) continue; // conflicting labels
    out.push(list[0]);
  }
  return out;
}

export function loadDev(root: string): Example[] {
  return readJsonl(join(root, 'checkworthiness/checkthat2024_en/dev.jsonl')).map((r) => ({
    id: String(r.id),
    text: String(r.text),
    label: Number(r.label),
    debate: 'dev',
  }));
}

/** Assign whole debates to k folds, balancing fold sizes (largest debates first). */
export function groupFolds(examples: Example[], k: number): number[] {
  const sizes = new Map<string, number>();
  for (const e of examples) sizes.set(e.debate, (sizes.get(e.debate) ?? 0) + 1);
  const order = [...sizes.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const load = new Array<number>(k).fill(0);
  const fold = new Map<string, number>();
  for (const [d, n] of order) {
    let best = 0;
    for (let i = 1; i < k; i++) if (load[i] < load[best]) best = i;
    fold.set(d, best);
    load[best] += n;
  }
  return examples.map((e) => fold.get(e.debate) ?? 0);
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
}

export function prf(scores: ArrayLike<number>, labels: ArrayLike<number>, threshold: number): Prf {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < labels.length; i++) {
    const p = scores[i] >= threshold;
    if (p && labels[i]) tp++;
    else if (p) fp++;
    else if (labels[i]) fn++;
  }
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, tp, fp, fn };
}

/** Threshold in [0.05, 0.95] maximising F1. */
export function bestThreshold(scores: ArrayLike<number>, labels: ArrayLike<number>): { threshold: number; f1: number } {
  let best = { threshold: 0.5, f1: -1 };
  for (let t = 0.05; t <= 0.951; t += 0.01) {
    const r = prf(scores, labels, t);
    if (r.f1 > best.f1) best = { threshold: Math.round(t * 100) / 100, f1: r.f1 };
  }
  return best;
}

export const fmt = (r: Prf): string =>
  `P ${r.precision.toFixed(3)}  R ${r.recall.toFixed(3)}  F1 ${r.f1.toFixed(3)}  (tp ${r.tp}, fp ${r.fp}, fn ${r.fn})`;
