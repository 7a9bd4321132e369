/**
 * @module HELM's Stat accumulator (`benchmark/metrics/statistic.py`), with Python's int/float distinction
 * kept so that files print `4` or `4.0` exactly as HELM does.
 */
import { metricNameKey, type MetricName } from './metric-name.ts';
import { PyFloat, type PyNumber } from './py-float.ts';

/** A number with its Python type. */
interface PyValue {
  readonly value: number;
  readonly isFloat: boolean;
}

const INT_ZERO: PyValue = { value: 0, isFloat: false };

function toPy(x: PyNumber): PyValue {
  return x instanceof PyFloat ? { value: x.value, isFloat: true } : { value: x, isFloat: !Number.isInteger(x) };
}

const plus = (a: PyValue, b: PyValue): PyValue => ({ value: a.value + b.value, isFloat: a.isFloat || b.isFloat });
// Python's min/max keep the first argument on ties, so its type survives.
const pyMin = (a: PyValue, b: PyValue): PyValue => (b.value < a.value ? b : a);
const pyMax = (a: PyValue, b: PyValue): PyValue => (b.value > a.value ? b : a);

/** The JSON form of a Stat, fields in HELM's order; PyFloat marks Python floats. */
export interface StatJson {
  name: MetricName;
  count: number;
  sum: PyNumber;
  sum_squared: PyNumber;
  min?: PyNumber;
  max?: PyNumber;
  mean?: PyNumber;
  variance?: PyNumber;
  stddev?: PyNumber;
}

/**
 * A mergeable accumulator: count, sum, sum of squares, min, max; mean, population variance (clamped at 0)
 * and stddev derived from them, as HELM's `_update_mean_variance_stddev` does after every change.
 */
export class Stat {
  count = 0;
  private sumValue: PyValue = INT_ZERO;
  private sumSquaredValue: PyValue = INT_ZERO;
  private minValue: PyValue | undefined;
  private maxValue: PyValue | undefined;

  constructor(readonly name: MetricName) {}

  /** Adds one value; `null`/`undefined` are ignored and booleans count as 1/0 (HELM `Stat.add`). */
  add(x: PyNumber | boolean | null | undefined): this {
    if (x === null || x === undefined) return this;
    const v = typeof x === 'boolean' ? { value: x ? 1 : 0, isFloat: false } : toPy(x);
    this.sumValue = plus(this.sumValue, v);
    this.sumSquaredValue = plus(this.sumSquaredValue, { value: v.value * v.value, isFloat: v.isFloat });
    this.minValue = this.minValue === undefined ? v : pyMin(this.minValue, v);
    this.maxValue = this.maxValue === undefined ? v : pyMax(this.maxValue, v);
    this.count += 1;
    return this;
  }

  /** Adds another stat's sums into this one (its name is not looked at, as in HELM). */
  merge(other: Stat): this {
    this.sumValue = plus(this.sumValue, other.sumValue);
    this.sumSquaredValue = plus(this.sumSquaredValue, other.sumSquaredValue);
    if (other.minValue !== undefined) {
      this.minValue = this.minValue === undefined ? other.minValue : pyMin(this.minValue, other.minValue);
    }
    if (other.maxValue !== undefined) {
      this.maxValue = this.maxValue === undefined ? other.maxValue : pyMax(this.maxValue, other.maxValue);
    }
    this.count += other.count;
    return this;
  }

  /** A copy under another name (HELM `replace(stat, name=…)`). */
  renamed(name: MetricName): Stat {
    return new Stat(name).merge(this);
  }

  /** A copy with the same name. */
  copy(): Stat {
    return this.renamed(this.name);
  }

  get sum(): number {
    return this.sumValue.value;
  }
  get sumSquared(): number {
    return this.sumSquaredValue.value;
  }
  /** The minimum with its Python type (int or float), as `add` would take it back. */
  minAsPy(): PyNumber | undefined {
    return this.minValue === undefined ? undefined : this.minValue.isFloat ? new PyFloat(this.minValue.value) : this.minValue.value;
  }
  get min(): number | undefined {
    return this.minValue?.value;
  }
  get max(): number | undefined {
    return this.maxValue?.value;
  }
  get mean(): number | undefined {
    return this.count === 0 ? undefined : this.sumValue.value / this.count;
  }
  /** Population variance, clamped at 0 (HELM writes the clamped value as the int `0`). */
  get variance(): number | undefined {
    const mean = this.mean;
    if (mean === undefined) return undefined;
    const variance = this.sumSquaredValue.value / this.count - mean * mean;
    return variance < 0 ? 0 : variance;
  }
  get stddev(): number | undefined {
    const variance = this.variance;
    return variance === undefined ? undefined : Math.sqrt(variance);
  }

  /** A new stat holding only this one's mean (HELM `take_mean`); itself when empty. */
  takeMean(): Stat {
    if (this.count === 0) return this;
    return new Stat(this.name).add(new PyFloat(this.mean!));
  }

  /** HELM's JSON form: None fields dropped, ints and floats as Python would print them. */
  toJson(): StatJson {
    const py = (v: PyValue): PyNumber => (v.isFloat ? new PyFloat(v.value) : v.value);
    const out: StatJson = {
      name: this.name,
      count: this.count,
      sum: py(this.sumValue),
      sum_squared: py(this.sumSquaredValue),
    };
    if (this.count === 0) return out;
    out.min = py(this.minValue!);
    out.max = py(this.maxValue!);
    out.mean = new PyFloat(this.mean!);
    const mean = this.mean!;
    const raw = this.sumSquaredValue.value / this.count - mean * mean;
    out.variance = raw < 0 ? 0 : new PyFloat(raw);
    out.stddev = new PyFloat(this.stddev!);
    return out;
  }
}

/**
 * An insertion-ordered map of stats by MetricName, as HELM's `Dict[MetricName, Stat]` with `merge_stat`
 * (the first stat of a name is copied, later ones merged into it).
 */
export class StatMap {
  private readonly stats = new Map<string, Stat>();

  /** Merges `stat` in (HELM `merge_stat`). */
  merge(stat: Stat): void {
    const key = metricNameKey(stat.name);
    const existing = this.stats.get(key);
    if (existing === undefined) this.stats.set(key, stat.copy());
    else existing.merge(stat);
  }

  /** Merges `stat`'s values under another name (HELM `merge_stat(replace(stat, name=…))`) without copying it first. */
  mergeAs(name: MetricName, stat: Stat): void {
    const key = metricNameKey(name);
    const existing = this.stats.get(key);
    if (existing === undefined) this.stats.set(key, new Stat(name).merge(stat));
    else existing.merge(stat);
  }

  /** Adds one value to the stat of `name`, creating it when new. */
  addAs(name: MetricName, value: PyNumber): void {
    const key = metricNameKey(name);
    const existing = this.stats.get(key);
    if (existing === undefined) this.stats.set(key, new Stat(name).add(value));
    else existing.add(value);
  }

  get(name: MetricName): Stat | undefined {
    return this.stats.get(metricNameKey(name));
  }

  values(): IterableIterator<Stat> {
    return this.stats.values();
  }

  get size(): number {
    return this.stats.size;
  }
}
