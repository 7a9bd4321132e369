/** @module A cell's hover text: HELM's `Stat.bare_str()` (`metrics/statistic.py`) of the stat merged into the cell. */
import { intText, pythonFloatRepr } from '../../core/helm-json.ts';

/** The numbers of a merged Stat that `bare_str` prints (min/max absent when no value was added). */
export interface StatSummary {
  readonly count: number;
  readonly sum: number;
  readonly min: number | null;
  readonly max: number | null;
}

/**
 * Python's `round(x, 3)`: the multiple of 0.001 nearest to x's exact binary value, ties to even. `toFixed` picks the
 * nearest too but breaks ties upwards; a tie needs x·1000 to end in exactly .5, which only a multiple of 1/16 can.
 */
export function pythonRound3(x: number): number {
  if (Number.isInteger(x * 16)) {
    const scaled = x * 1000; // exact for such x
    const floor = Math.floor(scaled);
    if (scaled - floor === 0.5) return (floor % 2 === 0 ? floor : floor + 1) / 1000;
  }
  return Number(x.toFixed(3));
}

/** `bare_str`'s `process`: None, NaN, an integral value as an int, else the float rounded to 3 places. */
function processNumber(x: number | null): string {
  if (x === null) return 'None';
  if (Number.isNaN(x)) return 'NaN';
  if (Number.isInteger(x)) return intText(x);
  return pythonFloatRepr(pythonRound3(x));
}

/**
 * HELM's `Stat.bare_str()`: `min=…, mean=…, max=…, sum=… (count)`, or `(0)` for an empty stat.
 * @example bareStr({ count: 2, sum: 1, min: 0, max: 1 }) // 'min=0, mean=0.5, max=1, sum=1 (2)'
 */
export function bareStr(stat: StatSummary): string {
  if (stat.count <= 0) return '(0)';
  const mean = stat.sum / stat.count;
  return (
    `min=${processNumber(stat.min)}, mean=${processNumber(mean)}, max=${processNumber(stat.max)}, ` +
    `sum=${processNumber(stat.sum)} (${stat.count})`
  );
}
