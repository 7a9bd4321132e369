import { describe, expect, it } from 'vitest';
import { lbfgsMinimize, type Objective } from './lbfgs-minimize.ts';

/** scipy.optimize.rosen and rosen_der. */
const rosenbrock: Objective = (x) => {
  let f = 0;
  const g = x.map(() => 0);
  for (let i = 0; i < x.length - 1; i++) {
    const a = x[i + 1]! - x[i]! * x[i]!;
    const b = 1 - x[i]!;
    f += 100 * a * a + b * b;
    g[i]! += -400 * x[i]! * a - 2 * b;
    g[i + 1]! += 200 * a;
  }
  return { f, g };
};

// Expected: scipy 1.10.1 `minimize(rosen, x0, jac=rosen_der, method="L-BFGS-B", options=…)`.
describe('lbfgsMinimize (SciPy L-BFGS-B without bounds)', () => {
  it('follows SciPy on the Rosenbrock function: same iterations, stopping test and point', () => {
    const result = lbfgsMinimize(rosenbrock, [-1.2, 1.0]);
    expect(result.iterations).toBe(36);
    expect(result.message).toBe('CONVERGENCE: REL_REDUCTION_OF_F_<=_FACTR*EPSMCH');
    expect(result.x[0]).toBeCloseTo(0.9999989453492786, 14);
    expect(result.x[1]).toBeCloseTo(0.9999980209057266, 14);
    // f is a difference of nearly equal numbers there: agreement to 1e-8 relative.
    expect(Math.abs(result.f / 2.8076498762688724e-12 - 1)).toBeLessThan(1e-8);
  });

  it('keeps only maxcor corrections (4 variables, maxcor 3)', () => {
    const result = lbfgsMinimize(rosenbrock, [-1.2, 1.0, 0.5, 2.0], { maxcor: 3 });
    expect(result.iterations).toBe(40);
    expect(result.f).toBe(3.701428611230995);
    const expected = [-0.775663947455201, 0.6131026140373418, 0.38207502734688653, 0.14597971302909082];
    result.x.forEach((xi, i) => expect(xi).toBeCloseTo(expected[i]!, 13));
  });

  it('stops at maxiter with the iterate reached', () => {
    const result = lbfgsMinimize(rosenbrock, [-1.2, 1.0], { maxiter: 5 });
    expect(result.message).toBe('STOP: TOTAL NO. of ITERATIONS REACHED LIMIT');
    expect(result.x).toEqual([-1.021385160033696, 1.0392943881350645]);
    expect(result.f).toBe(4.087545016268825);
  });

  it('stops at once where the gradient is already below gtol', () => {
    const result = lbfgsMinimize(([a]) => ({ f: a! * a!, g: [2 * a!] }), [1e-6]);
    expect(result).toMatchObject({ iterations: 0, x: [1e-6], message: 'CONVERGENCE: NORM_OF_PROJECTED_GRADIENT_<=_PGTOL' });
  });
});
