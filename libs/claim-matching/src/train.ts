/** One query of a training split: its candidates' feature vectors and which of them are true matches. */
export interface RankingGroup {
  features: number[][];
  relevant: boolean[];
}

export interface LinearRanker {
  mean: number[];
  scale: number[];
  weights: number[];
}

export const linearScore = (m: LinearRanker, f: number[]) =>
  m.weights.reduce((s, w, j) => s + (w * (f[j] - m.mean[j])) / m.scale[j], 0);

/**
 * Fits a linear ranker with a listwise softmax loss (each query's true matches should take the probability
 * mass among its candidates) plus L2, by full-batch Adam. Convex, deterministic: no sampling.
 */
export function fitRanker(groups: RankingGroup[], { l2 = 0.01, iterations = 300, rate = 0.05 } = {}): LinearRanker {
  const dim = groups[0].features[0].length;
  const rows = groups.flatMap((g) => g.features);
  const mean = new Array<number>(dim).fill(0);
  const scale = new Array<number>(dim).fill(0);
  for (const f of rows) f.forEach((x, j) => (mean[j] += x / rows.length));
  for (const f of rows) f.forEach((x, j) => (scale[j] += (x - mean[j]) ** 2 / rows.length));
  scale.forEach((v, j) => (scale[j] = Math.sqrt(v) || 1));
  const data = groups
    .filter((g) => g.relevant.some(Boolean))
    .map((g) => ({
      x: g.features.map((f) => f.map((v, j) => (v - mean[j]) / scale[j])),
      y: g.relevant.map(Number),
      hits: g.relevant.filter(Boolean).length,
    }));
  const w = new Array<number>(dim).fill(0);
  const m1 = new Array<number>(dim).fill(0);
  const m2 = new Array<number>(dim).fill(0);
  for (let it = 1; it <= iterations; it++) {
    const grad = w.map((v) => l2 * v);
    for (const q of data) {
      const s = q.x.map((x) => x.reduce((a, v, j) => a + v * w[j], 0));
      const top = Math.max(...s);
      const e = s.map((v) => Math.exp(v - top));
      const z = e.reduce((a, b) => a + b, 0);
      q.x.forEach((x, i) => {
        const d = e[i] / z - q.y[i] / q.hits;
        for (let j = 0; j < dim; j++) grad[j] += (d * x[j]) / data.length;
      });
    }
    for (let j = 0; j < dim; j++) {
      m1[j] = 0.9 * m1[j] + 0.1 * grad[j];
      m2[j] = 0.999 * m2[j] + 0.001 * grad[j] ** 2;
      w[j] -= (rate * (m1[j] / (1 - 0.9 ** it))) / (Math.sqrt(m2[j] / (1 - 0.999 ** it)) + 1e-8);
    }
  }
  return { mean, scale, weights: w };
}

/**
 * Logistic regression (with a bias) on a few features by Newton's method with step halving: the matcher's
 * calibration, P(same claim) from a candidate's score and its distance below the query's best score.
 */
export function fitLogistic(x: number[][], labels: boolean[], l2 = 1e-6): { weights: number[]; bias: number } {
  const dim = x[0].length + 1;
  const rows = x.map((r) => [...r, 1]);
  const loss = (w: number[]) =>
    rows.reduce((sum, r, i) => {
      const z = r.reduce((a, v, j) => a + v * w[j], 0);
      // log(1 + e^z) - y·z without overflow for large |z|.
      return sum + Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - (labels[i] ? z : 0);
    }, 0) +
    l2 * w.reduce((a, v) => a + v * v, 0);
  let w = new Array<number>(dim).fill(0);
  let current = loss(w);
  for (let it = 0; it < 100; it++) {
    const g = w.map((v) => 2 * l2 * v);
    const h = w.map((_, j) => w.map((__, k) => (j === k ? 2 * l2 : 0)));
    rows.forEach((r, i) => {
      const p = 1 / (1 + Math.exp(-r.reduce((a, v, j) => a + v * w[j], 0)));
      const d = p - (labels[i] ? 1 : 0);
      const q = Math.max(p * (1 - p), 1e-12);
      for (let j = 0; j < dim; j++) {
        g[j] += d * r[j];
        for (let k = 0; k < dim; k++) h[j][k] += q * r[j] * r[k];
      }
    });
    const step = solve(h, g);
    let t = 1;
    while (t > 1e-8 && loss(w.map((v, j) => v - t * step[j])) > current) t /= 2;
    if (t <= 1e-8) break;
    w = w.map((v, j) => v - t * step[j]);
    const next = loss(w);
    if (current - next < 1e-10) break;
    current = next;
  }
  return { weights: w.slice(0, -1), bias: w[dim - 1] };
}

/** Solves a small linear system by Gaussian elimination with partial pivoting. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
    [m[c], m[p]] = [m[p], m[c]];
    for (let r = c + 1; r < n; r++) {
      const f = m[r][c] / (m[c][c] || 1e-12);
      for (let k = c; k <= n; k++) m[r][k] -= f * m[c][k];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r][n];
    for (let k = r + 1; k < n; k++) s -= m[r][k] * x[k];
    x[r] = s / (m[r][r] || 1e-12);
  }
  return x;
}

/** Mean average precision over the first k of each ranking (CheckThat! 2020 Task 2: k = 5). */
export function meanAveragePrecision(rankings: { ranked: string[]; relevant: string[] }[], k = 5): number {
  let sum = 0;
  for (const { ranked, relevant } of rankings) {
    let hits = 0;
    let ap = 0;
    ranked.slice(0, k).forEach((id, i) => {
      if (relevant.includes(id)) {
        hits += 1;
        ap += hits / (i + 1);
      }
    });
    sum += relevant.length ? ap / Math.min(relevant.length, k) : 0;
  }
  return rankings.length ? sum / rankings.length : 0;
}

/** Precision and recall of the links kept at `threshold` (each query's top-k above it), against all true matches. */
export function linkPrecisionRecall(
  queries: { ranked: { id: string; probability: number }[]; relevant: string[] }[],
  threshold: number,
  k = 5,
) {
  let kept = 0;
  let right = 0;
  let all = 0;
  for (const q of queries) {
    all += q.relevant.length;
    for (const c of q.ranked.slice(0, k)) {
      if (c.probability < threshold) continue;
      kept += 1;
      if (q.relevant.includes(c.id)) right += 1;
    }
  }
  return { precision: kept ? right / kept : 1, recall: all ? right / all : 0, kept };
}

/** The lowest threshold whose kept links reach `minPrecision` (the most recall at that precision). */
export function chooseThreshold(
  queries: Parameters<typeof linkPrecisionRecall>[0],
  minPrecision: number,
  k = 5,
): number {
  const cuts = [...new Set(queries.flatMap((q) => q.ranked.slice(0, k).map((c) => c.probability)))].sort(
    (a, b) => a - b,
  );
  for (const t of cuts) if (linkPrecisionRecall(queries, t, k).precision >= minPrecision) return t;
  return 1;
}
