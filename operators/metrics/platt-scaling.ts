/**
 * @module Platt scaling as `uncertainty-calibration` 0.1.4 does it (`get_platt_scaler`): a one-feature logistic
 * regression of correctness on the log-odds of the confidence, fitted as scikit-learn 1.2's
 * `LogisticRegression(C=1e10, solver="lbfgs")` fits it. Pure.
 *
 * The fit minimizes Σᵢ [log(1 + e^zᵢ) − yᵢ·zᵢ] + ½·(1/C)·a² over z = a·x + b (the intercept b is not
 * penalized), starting from a = b = 0, with SciPy's L-BFGS-B at gtol = 1e-4 (sklearn's `tol`) and at most 100
 * iterations (`max_iter`). sklearn stops there, short of the exact optimum (by ~1e-7 on HELM's golden runs), so
 * the same iterates are followed rather than solving to machine precision.
 */
import { lbfgsMinimize } from './lbfgs-minimize.ts';
import { numpySum } from './numpy-sum.ts';

/** The probabilities are clipped to [ε, 1 − ε] before taking log-odds. */
const CLIP = 1e-12;
/** sklearn's `C`: the L2 penalty is 1/C on the coefficient. */
const INVERSE_REGULARIZATION = 1e10;
/** sklearn's `tol` and `max_iter` defaults. */
const GRADIENT_TOLERANCE = 1e-4;
const MAX_ITERATIONS = 100;

/** A fitted Platt scaler: `calibrate(p) = 1 / (1 + e^−(coef·logit(p) + intercept))`. */
export interface PlattScaler {
  /** sklearn `clf.coef_[0][0]` (HELM's `platt_coef`). */
  readonly coef: number;
  /** sklearn `clf.intercept_[0]` (HELM's `platt_intercept`). */
  readonly intercept: number;
  readonly calibrate: (p: number) => number;
}

const logOdds = (p: number): number => {
  const clipped = Math.min(Math.max(p, CLIP), 1 - CLIP);
  return Math.log(clipped / (1 - clipped));
};

/**
 * sklearn's half binomial loss log(1 + e^z) − y·z and its derivative e^z/(1 + e^z) − y for one sample, with
 * its branches for numerical range (`closs_grad_half_binomial`).
 */
function halfBinomial(y: number, z: number): [loss: number, gradient: number] {
  if (z <= 0) {
    const e = Math.exp(z);
    const loss = z <= -37 ? e - y * z : Math.log1p(e) - y * z;
    return [loss, ((1 - y) * e - y) / (1 + e)];
  }
  const e = Math.exp(-z);
  const loss = z <= 18 ? Math.log1p(e) + (1 - y) * z : e + (1 - y) * z;
  return [loss, (1 - y - y * e) / (1 + e)];
}

/**
 * Fits the scaler to confidences `probs` and 0/1 `labels`; both labels must occur (HELM skips the fit otherwise).
 * @example plattScaler([0.9, 0.8, 0.3, 0.6], [1, 0, 0, 1]).coef
 */
export function plattScaler(probs: readonly number[], labels: readonly number[]): PlattScaler {
  if (probs.length !== labels.length || !labels.includes(0) || !labels.includes(1)) {
    throw new Error('Platt scaling needs one 0/1 label per prob, and both labels among them');
  }
  const xs = probs.map(logOdds);
  const l2 = 1.0 / INVERSE_REGULARIZATION;
  const { x } = lbfgsMinimize(
    ([coef, intercept]) => {
      const losses: number[] = [];
      const gradients: number[] = [];
      xs.forEach((xi, i) => {
        const [loss, gradient] = halfBinomial(labels[i]!, xi * coef! + intercept!);
        losses.push(loss);
        gradients.push(gradient);
      });
      let slope = 0; // X.T @ gradients (a BLAS dot product)
      xs.forEach((xi, i) => (slope += xi * gradients[i]!));
      return {
        f: numpySum(losses) + 0.5 * l2 * (coef! * coef!),
        g: [slope + l2 * coef!, numpySum(gradients)],
      };
    },
    [0, 0],
    { gtol: GRADIENT_TOLERANCE, maxiter: MAX_ITERATIONS },
  );
  const [coef, intercept] = x as [number, number];
  return { coef, intercept, calibrate: (p) => 1 / (1 + Math.exp(-(logOdds(p) * coef + intercept))) };
}
