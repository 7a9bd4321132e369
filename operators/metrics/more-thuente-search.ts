/**
 * @module The Moré–Thuente line search (MINPACK-2 `dcsrch`/`dcstep`, in the copy SciPy's L-BFGS-B uses): finds
 * a step with sufficient decrease, f(stp) ≤ f(0) + ftol·stp·f′(0), and curvature, |f′(stp)| ≤ gtol·|f′(0)|,
 * by safeguarded cubic and quadratic interpolation. Same branches and same operation order as the original,
 * so the steps it proposes are SciPy's.
 */

/** What the caller does next: evaluate f and f′ at `step` (`FG`), or stop with the last evaluated step. */
export type SearchTask = 'FG' | 'CONVERGENCE' | 'WARNING';

export interface LineSearchOptions {
  readonly ftol: number;
  readonly gtol: number;
  readonly xtol: number;
  readonly stpmin: number;
  readonly stpmax: number;
}

/** A line search in progress: evaluate at `step`, pass the values to `next`, repeat while it answers `FG`. */
export interface LineSearch {
  readonly step: number;
  next(f: number, g: number): SearchTask;
}

/** The interval of uncertainty: `stx` the best step so far, `sty` the other end, with f and f′ at each. */
interface Interval {
  stx: number;
  fx: number;
  dx: number;
  sty: number;
  fy: number;
  dy: number;
  bracketed: boolean;
}

/** `dcstep`: updates the interval with the trial (stp, fp, dp) and returns the next trial step. */
function safeguardedStep(iv: Interval, stp: number, fp: number, dp: number, stpmin: number, stpmax: number): number {
  const { stx, fx, dx, sty, fy, dy } = iv;
  const sgnd = dp * (dx / Math.abs(dx));
  let stpf: number;
  if (fp > fx) {
    // Higher value: the minimum is bracketed; cubic if closer to stx, else halfway to the quadratic step.
    const theta = (3 * (fx - fp)) / (stp - stx) + dx + dp;
    const s = Math.max(Math.abs(theta), Math.abs(dx), Math.abs(dp));
    let gamma = s * Math.sqrt((theta / s) * (theta / s) - (dx / s) * (dp / s));
    if (stp < stx) gamma = -gamma;
    const p = gamma - dx + theta;
    const q = gamma - dx + gamma + dp;
    const stpc = stx + (p / q) * (stp - stx);
    const stpq = stx + (dx / ((fx - fp) / (stp - stx) + dx) / 2) * (stp - stx);
    stpf = Math.abs(stpc - stx) < Math.abs(stpq - stx) ? stpc : stpc + (stpq - stpc) / 2;
    iv.bracketed = true;
  } else if (sgnd < 0) {
    // Lower value, derivatives of opposite sign: bracketed; the cubic if farther from stp, else the secant.
    const theta = (3 * (fx - fp)) / (stp - stx) + dx + dp;
    const s = Math.max(Math.abs(theta), Math.abs(dx), Math.abs(dp));
    let gamma = s * Math.sqrt((theta / s) * (theta / s) - (dx / s) * (dp / s));
    if (stp > stx) gamma = -gamma;
    const p = gamma - dp + theta;
    const q = gamma - dp + gamma + dx;
    const stpc = stp + (p / q) * (stx - stp);
    const stpq = stp + (dp / (dp - dx)) * (stx - stp);
    stpf = Math.abs(stpc - stp) > Math.abs(stpq - stp) ? stpc : stpq;
    iv.bracketed = true;
  } else if (Math.abs(dp) < Math.abs(dx)) {
    // Lower value, same sign, derivative shrinking: the cubic only where it tends to infinity beyond stp.
    const theta = (3 * (fx - fp)) / (stp - stx) + dx + dp;
    const s = Math.max(Math.abs(theta), Math.abs(dx), Math.abs(dp));
    let gamma = s * Math.sqrt(Math.max(0, (theta / s) * (theta / s) - (dx / s) * (dp / s)));
    if (stp > stx) gamma = -gamma;
    const p = gamma - dp + theta;
    const q = gamma + (dx - dp) + gamma;
    const r = p / q;
    let stpc: number;
    if (r < 0 && gamma !== 0) stpc = stp + r * (stx - stp);
    else stpc = stp > stx ? stpmax : stpmin;
    const stpq = stp + (dp / (dp - dx)) * (stx - stp);
    if (iv.bracketed) {
      stpf = Math.abs(stpc - stp) < Math.abs(stpq - stp) ? stpc : stpq;
      stpf = stp > stx ? Math.min(stp + 0.66 * (sty - stp), stpf) : Math.max(stp + 0.66 * (sty - stp), stpf);
    } else {
      stpf = Math.abs(stpc - stp) > Math.abs(stpq - stp) ? stpc : stpq;
      stpf = Math.max(stpmin, Math.min(stpmax, stpf));
    }
  } else if (iv.bracketed) {
    // Lower value, same sign, derivative not shrinking, bracketed: the cubic between stp and sty.
    const theta = (3 * (fp - fy)) / (sty - stp) + dy + dp;
    const s = Math.max(Math.abs(theta), Math.abs(dy), Math.abs(dp));
    let gamma = s * Math.sqrt((theta / s) * (theta / s) - (dy / s) * (dp / s));
    if (stp > sty) gamma = -gamma;
    const p = gamma - dp + theta;
    const q = gamma - dp + gamma + dy;
    stpf = stp + (p / q) * (sty - stp);
  } else {
    stpf = stp > stx ? stpmax : stpmin;
  }
  if (fp > fx) {
    iv.sty = stp;
    iv.fy = fp;
    iv.dy = dp;
  } else {
    if (sgnd < 0) {
      iv.sty = stx;
      iv.fy = fx;
      iv.dy = dx;
    }
    iv.stx = stp;
    iv.fx = fp;
    iv.dx = dp;
  }
  return stpf;
}

/**
 * Starts a search along a descent direction from f(0) = `finit`, f′(0) = `ginit` < 0 with first trial `step`.
 * @example const search = moreThuenteSearch(f0, g0, 1, options); // then while (search.next(f, g) === 'FG') …
 */
export function moreThuenteSearch(finit: number, ginit: number, step: number, options: LineSearchOptions): LineSearch {
  const { ftol, gtol, xtol, stpmin, stpmax } = options;
  if (!(ginit < 0) || step < stpmin || step > stpmax) {
    throw new Error(`line search needs a descent direction and a step within bounds (g=${ginit}, step=${step})`);
  }
  const gtest = ftol * ginit;
  const iv: Interval = { stx: 0, fx: finit, dx: ginit, sty: 0, fy: finit, dy: ginit, bracketed: false };
  let stp = step;
  let stage = 1;
  let width = stpmax - stpmin;
  let width1 = width / 0.5;
  let stmin = 0;
  let stmax = stp + 4 * stp;
  return {
    get step() {
      return stp;
    },
    next(f, g) {
      const ftest = finit + stp * gtest;
      if (stage === 1 && f <= ftest && g >= 0) stage = 2;
      let task: SearchTask | undefined;
      if (iv.bracketed && (stp <= stmin || stp >= stmax)) task = 'WARNING'; // rounding errors prevent progress
      if (iv.bracketed && stmax - stmin <= xtol * stmax) task = 'WARNING'; // xtol test satisfied
      if (stp === stpmax && f <= ftest && g <= gtest) task = 'WARNING'; // stp = stpmax
      if (stp === stpmin && (f > ftest || g >= gtest)) task = 'WARNING'; // stp = stpmin
      if (f <= ftest && Math.abs(g) <= gtol * -ginit) task = 'CONVERGENCE';
      if (task !== undefined) return task;
      if (stage === 1 && f <= iv.fx && f > ftest) {
        // Stage one with a lower but not sufficiently lower value: step on the modified function ψ.
        const modified: Interval = {
          ...iv,
          fx: iv.fx - iv.stx * gtest,
          fy: iv.fy - iv.sty * gtest,
          dx: iv.dx - gtest,
          dy: iv.dy - gtest,
        };
        const nextStep = safeguardedStep(modified, stp, f - stp * gtest, g - gtest, stmin, stmax);
        Object.assign(iv, {
          stx: modified.stx,
          sty: modified.sty,
          bracketed: modified.bracketed,
          fx: modified.fx + modified.stx * gtest,
          fy: modified.fy + modified.sty * gtest,
          dx: modified.dx + gtest,
          dy: modified.dy + gtest,
        });
        stp = nextStep;
      } else {
        stp = safeguardedStep(iv, stp, f, g, stmin, stmax);
      }
      if (iv.bracketed) {
        if (Math.abs(iv.sty - iv.stx) >= 0.66 * width1) stp = iv.stx + 0.5 * (iv.sty - iv.stx);
        width1 = width;
        width = Math.abs(iv.sty - iv.stx);
        stmin = Math.min(iv.stx, iv.sty);
        stmax = Math.max(iv.stx, iv.sty);
      } else {
        stmin = stp + 1.1 * (stp - iv.stx);
        stmax = stp + 4 * (stp - iv.stx);
      }
      stp = Math.min(Math.max(stp, stpmin), stpmax);
      if ((iv.bracketed && (stp <= stmin || stp >= stmax)) || (iv.bracketed && stmax - stmin <= xtol * stmax)) {
        stp = iv.stx;
      }
      return 'FG';
    },
  };
}
