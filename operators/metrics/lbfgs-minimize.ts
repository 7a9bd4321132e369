/**
 * @module `scipy.optimize.minimize(method="L-BFGS-B")` (SciPy 1.10, L-BFGS-B 3.0) for problems without bounds,
 * step for step: the first step along −g scaled to unit length, later steps along the limited-memory quasi-Newton
 * direction, the Moré–Thuente line search, the same update-skipping rule, memory restarts and stopping tests.
 * scikit-learn's `LogisticRegression(solver="lbfgs")` stops wherever this stops (at its gradient tolerance, not at
 * the exact optimum), so following the same iterates gives its coefficients, not merely close ones.
 */
import { moreThuenteSearch } from './more-thuente-search.ts';

/** The objective: its value and gradient at `x`. */
export type Objective = (x: readonly number[]) => { f: number; g: number[] };

/** SciPy's option names and defaults. */
export interface LbfgsOptions {
  /** Pairs of corrections kept (`maxcor`, 10). */
  readonly maxcor?: number;
  /** Stop when max |g_i| ≤ gtol (1e-5). */
  readonly gtol?: number;
  /** Stop when the relative decrease of f is ≤ ftol (2.220446049250313e-09). */
  readonly ftol?: number;
  /** Iterations (15000). */
  readonly maxiter?: number;
  /** Objective evaluations, checked after each iteration (15000). */
  readonly maxfun?: number;
  /** Evaluations per line search (20). */
  readonly maxls?: number;
}

export interface LbfgsResult {
  readonly x: number[];
  readonly f: number;
  readonly g: number[];
  /** SciPy's `nit`. */
  readonly iterations: number;
  /** SciPy's `message`, e.g. `CONVERGENCE: NORM_OF_PROJECTED_GRADIENT_<=_PGTOL`. */
  readonly message: string;
}

const EPSILON = 2.220446049250313e-16;
const STEP_MAX = 1e10;
const SEARCH = { ftol: 1e-3, gtol: 0.9, xtol: 0.1, stpmin: 0, stpmax: STEP_MAX } as const;

const dot = (a: readonly number[], b: readonly number[]): number => {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
};
const maxAbs = (v: readonly number[]): number => v.reduce((m, x) => Math.max(m, Math.abs(x)), 0);

interface Correction {
  readonly s: number[];
  readonly y: number[];
  readonly ys: number;
}

/** H·r for the L-BFGS inverse Hessian of `memory` (oldest first) with H₀ = I/θ: the two-loop recursion. */
function inverseHessianTimes(memory: readonly Correction[], theta: number, r: readonly number[]): number[] {
  const q = [...r];
  const alphas: number[] = [];
  for (let k = memory.length - 1; k >= 0; k--) {
    const { s, y, ys } = memory[k]!;
    const alpha = dot(s, q) / ys;
    alphas[k] = alpha;
    for (let i = 0; i < q.length; i++) q[i]! -= alpha * y[i]!;
  }
  for (let i = 0; i < q.length; i++) q[i]! /= theta;
  memory.forEach(({ s, y, ys }, k) => {
    const beta = dot(y, q) / ys;
    for (let i = 0; i < q.length; i++) q[i]! += (alphas[k]! - beta) * s[i]!;
  });
  return q;
}

/**
 * Minimizes `objective` from `x0` as SciPy's L-BFGS-B does with no bounds.
 * @example lbfgsMinimize(([a]) => ({ f: (a! - 3) ** 2, g: [2 * (a! - 3)] }), [0]).x // [3]
 */
export function lbfgsMinimize(objective: Objective, x0: readonly number[], options: LbfgsOptions = {}): LbfgsResult {
  const { maxcor = 10, gtol = 1e-5, ftol = 2.220446049250313e-9, maxiter = 15000, maxfun = 15000, maxls = 20 } = options;
  const tolerance = (ftol / EPSILON) * EPSILON; // SciPy passes factr = ftol/eps; the Fortran multiplies it back
  let x = [...x0];
  let { f, g } = objective(x);
  let evaluations = 1;
  let iterations = 0;
  const result = (message: string): LbfgsResult => ({ x, f, g, iterations, message });
  if (maxAbs(g) <= gtol) return result('CONVERGENCE: NORM_OF_PROJECTED_GRADIENT_<=_PGTOL');

  let memory: Correction[] = [];
  let theta = 1;
  for (;;) {
    // The trial point z: the Cauchy point x − (1/θ)·g without corrections (θ = 1 then), else x + H·(−g).
    const negG = g.map((gi) => -gi);
    let z: number[];
    if (memory.length === 0) {
      let f1 = 0;
      for (const v of negG) f1 -= v * v;
      const dtm = Math.max(-f1 / (-theta * f1), 0);
      const tsum = 0 + dtm;
      z = x.map((xi, i) => xi + tsum * negG[i]!);
    } else {
      const step = inverseHessianTimes(memory, theta, negG);
      z = x.map((xi, i) => xi + step[i]!);
    }
    let d = z.map((zi, i) => zi - x[i]!);

    // Line search from x along d (`lnsrlb`): x(stp) is z itself at stp = 1.
    const dnorm = Math.sqrt(dot(d, d));
    const t = x;
    const r = g;
    const fold = f;
    const gdold = dot(g, d);
    let gd = gdold;
    let stp = iterations === 0 ? Math.min(1 / dnorm, STEP_MAX) : 1;
    let failed = !(gdold < 0);
    if (!failed) {
      const search = moreThuenteSearch(f, gd, stp, SEARCH);
      for (let tries = 0; ; tries++) {
        stp = search.step;
        if (tries >= maxls) {
          failed = true;
          break;
        }
        x = stp === 1 ? [...z] : d.map((di, i) => stp * di + t[i]!);
        ({ f, g } = objective(x));
        evaluations++;
        gd = dot(g, d);
        if (search.next(f, gd) !== 'FG') break;
      }
    }
    if (failed) {
      x = t;
      g = r;
      f = fold;
      if (memory.length === 0) {
        iterations++;
        return result('ABNORMAL_TERMINATION_IN_LNSRCH');
      }
      memory = []; // forget the corrections and start again from the steepest descent step
      theta = 1;
      continue;
    }

    iterations++;
    if (iterations >= maxiter) return result('STOP: TOTAL NO. of ITERATIONS REACHED LIMIT');
    if (evaluations > maxfun) return result('STOP: TOTAL NO. of f AND g EVALUATIONS EXCEEDS LIMIT');
    if (maxAbs(g) <= gtol) return result('CONVERGENCE: NORM_OF_PROJECTED_GRADIENT_<=_PGTOL');
    if (fold - f <= tolerance * Math.max(Math.abs(fold), Math.abs(f), 1)) {
      return result('CONVERGENCE: REL_REDUCTION_OF_F_<=_FACTR*EPSMCH');
    }

    // The correction pair s = stp·d, y = g − g_old; skipped unless s·y > eps·(−g_old·s).
    const y = g.map((gi, i) => gi - r[i]!);
    let ys: number;
    let descent: number;
    if (stp === 1) {
      ys = gd - gdold;
      descent = -gdold;
    } else {
      ys = (gd - gdold) * stp;
      d = d.map((di) => stp * di);
      descent = -gdold * stp;
    }
    if (ys <= EPSILON * descent) continue;
    memory.push({ s: d, y, ys });
    if (memory.length > maxcor) memory.shift();
    theta = dot(y, y) / ys;
  }
}
