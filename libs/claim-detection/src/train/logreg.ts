import type { Sparse } from '../features.js';

export interface TrainOptions {
  /** L2 penalty on the weights (not the bias), relative to the mean weighted loss. */
  l2: number;
  /** Weight of the positive class relative to the negative one; 'balanced' = n_neg / n_pos. */
  positiveWeight: number | 'balanced';
  maxIter?: number;
  /** Stop when the relative decrease of the objective over 5 iterations falls below this. */
  tol?: number;
  dim: number;
  /** Warm start. */
  init?: { w: Float64Array; b: number };
}

export interface LinearModel {
  w: Float64Array;
  b: number;
}

export function dot(w: ArrayLike<number>, x: Sparse): number {
  let s = 0;
  for (let i = 0; i < x.idx.length; i++) s += w[x.idx[i]] * x.val[i];
  return s;
}

export const sigmoid = (z: number): number => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/**
 * Class-weighted, L2-regularised logistic regression fitted by L-BFGS (full batch,
 * deterministic). Parameters: dim weights + 1 bias (last slot).
 */
export function trainLogReg(xs: Sparse[], ys: number[], opt: TrainOptions): LinearModel {
  const n = xs.length;
  const D = opt.dim;
  const npos = ys.reduce((a, y) => a + y, 0);
  const pw = opt.positiveWeight === 'balanced' ? (n - npos) / Math.max(1, npos) : opt.positiveWeight;
  // Normalise so the weights sum to n.
  const wNeg = n / (n - npos + pw * npos);
  const wPos = pw * wNeg;
  const P = D + 1;
  const x = new Float64Array(P);
  if (opt.init) {
    x.set(opt.init.w);
    x[D] = opt.init.b;
  }
  const f = (p: Float64Array, g: Float64Array): number => {
    g.fill(0);
    let loss = 0;
    const b = p[D];
    for (let i = 0; i < n; i++) {
      const xi = xs[i];
      let z = b;
      for (let k = 0; k < xi.idx.length; k++) z += p[xi.idx[k]] * xi.val[k];
      const y = ys[i];
      const cw = y ? wPos : wNeg;
      // log(1 + exp(-yz)) with y in {-1, 1}
      const m = y ? z : -z;
      loss += cw * (m > 0 ? Math.log1p(Math.exp(-m)) : -m + Math.log1p(Math.exp(m)));
      const r = (cw * (sigmoid(z) - y)) / n;
      for (let k = 0; k < xi.idx.length; k++) g[xi.idx[k]] += r * xi.val[k];
      g[D] += r;
    }
    loss /= n;
    let reg = 0;
    for (let j = 0; j < D; j++) {
      reg += p[j] * p[j];
      g[j] += opt.l2 * p[j];
    }
    return loss + 0.5 * opt.l2 * reg;
  };
  lbfgs(f, x, opt.maxIter ?? 200, opt.tol ?? 1e-5);
  return { w: x.slice(0, D), b: x[D] };
}

function lbfgs(f: (x: Float64Array, g: Float64Array) => number, x: Float64Array, maxIter: number, tol: number): void {
  const P = x.length;
  const M = 8;
  const S: Float64Array[] = [];
  const Y: Float64Array[] = [];
  const rho: number[] = [];
  let g = new Float64Array(P);
  let fx = f(x, g);
  const hist: number[] = [fx];
  const d = new Float64Array(P);
  const xn = new Float64Array(P);
  let gn = new Float64Array(P);
  const alpha = new Array<number>(M);
  for (let it = 0; it < maxIter; it++) {
    // Two-loop recursion: d = -H g
    for (let j = 0; j < P; j++) d[j] = -g[j];
    for (let k = S.length - 1; k >= 0; k--) {
      let a = 0;
      const s = S[k];
      for (let j = 0; j < P; j++) a += s[j] * d[j];
      a *= rho[k];
      alpha[k] = a;
      const y = Y[k];
      for (let j = 0; j < P; j++) d[j] -= a * y[j];
    }
    if (S.length > 0) {
      const s = S[S.length - 1];
      const y = Y[Y.length - 1];
      let sy = 0;
      let yy = 0;
      for (let j = 0; j < P; j++) {
        sy += s[j] * y[j];
        yy += y[j] * y[j];
      }
      const gamma = sy / yy;
      for (let j = 0; j < P; j++) d[j] *= gamma;
    } else {
      let gg = 0;
      for (let j = 0; j < P; j++) gg += g[j] * g[j];
      const sc = 1 / Math.max(1, Math.sqrt(gg));
      for (let j = 0; j < P; j++) d[j] *= sc;
    }
    for (let k = 0; k < S.length; k++) {
      const y = Y[k];
      let bta = 0;
      for (let j = 0; j < P; j++) bta += y[j] * d[j];
      bta *= rho[k];
      const s = S[k];
      const c = alpha[k] - bta;
      for (let j = 0; j < P; j++) d[j] += c * s[j];
    }
    let gd = 0;
    for (let j = 0; j < P; j++) gd += g[j] * d[j];
    if (gd >= 0) {
      // Not a descent direction: reset memory, use steepest descent.
      S.length = 0;
      Y.length = 0;
      rho.length = 0;
      for (let j = 0; j < P; j++) d[j] = -g[j];
      gd = 0;
      for (let j = 0; j < P; j++) gd += g[j] * d[j];
    }
    // Backtracking Armijo line search.
    let step = 1;
    let fn = 0;
    for (let ls = 0; ls < 30; ls++) {
      for (let j = 0; j < P; j++) xn[j] = x[j] + step * d[j];
      fn = f(xn, gn);
      if (fn <= fx + 1e-4 * step * gd) break;
      step *= 0.5;
    }
    const s = new Float64Array(P);
    const y = new Float64Array(P);
    let sy = 0;
    for (let j = 0; j < P; j++) {
      s[j] = xn[j] - x[j];
      y[j] = gn[j] - g[j];
      sy += s[j] * y[j];
    }
    x.set(xn);
    const tmp = g;
    g = gn;
    gn = tmp;
    fx = fn;
    if (sy > 1e-12) {
      S.push(s);
      Y.push(y);
      rho.push(1 / sy);
      if (S.length > M) {
        S.shift();
        Y.shift();
        rho.shift();
      }
    }
    hist.push(fx);
    if (hist.length > 5) {
      const old = hist[hist.length - 6];
      if ((old - fx) / Math.max(1e-12, Math.abs(fx)) < tol) break;
    }
  }
}
