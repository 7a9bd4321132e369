/**
 * @module HELM's Stat accumulator (`benchmark/metrics/statistic.py`), with Python's int/float distinction
 * kept so that files print `4` or `4.0` exactly as HELM does.
 */
import { newlineIndent, pythonFloatRepr, pythonNumberText, type WritesHelmJson } from './helm-json.ts';
import { metricNameHelmJson, perturbationKey, type MetricName } from './metric-name.ts';
import { PyFloat, type PyNumber } from './py-float.ts';

/** The plain value of a number of a Stat and whether Python holds it as a float. */
const valueOf = (x: PyNumber): number => (x instanceof PyFloat ? x.value : x);
const isFloatNumber = (x: PyNumber): boolean => x instanceof PyFloat || !Number.isInteger(x);
const asPy = (value: number, isFloat: boolean): PyNumber => (isFloat ? new PyFloat(value) : value);
/** A number as JSON.stringify writes it (NaN and the infinities as null). */
const jsonNumber = (x: number): string => (Number.isFinite(x) ? `${x}` : 'null');

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
export class Stat implements WritesHelmJson {
  count = 0;
  // Each sum and extreme with its Python type, as plain fields: adding allocates nothing.
  private sumValue = 0;
  private sumIsFloat = false;
  private sumSquaredValue = 0;
  private sumSquaredIsFloat = false;
  private minValue = 0;
  private minIsFloat = false;
  private maxValue = 0;
  private maxIsFloat = false;

  constructor(readonly name: MetricName) {}

  /** Adds one value; `null`/`undefined` are ignored and booleans count as 1/0 (HELM `Stat.add`). */
  add(x: PyNumber | boolean | null | undefined): this {
    if (x === null || x === undefined) return this;
    const value = typeof x === 'boolean' ? (x ? 1 : 0) : valueOf(x);
    const isFloat = typeof x !== 'boolean' && isFloatNumber(x);
    this.sumValue += value;
    this.sumIsFloat ||= isFloat;
    this.sumSquaredValue += value * value;
    this.sumSquaredIsFloat ||= isFloat;
    this.takeExtremes(value, isFloat, value, isFloat);
    this.count += 1;
    return this;
  }

  /** Adds another stat's sums into this one (its name is not looked at, as in HELM). */
  merge(other: Stat): this {
    this.sumValue += other.sumValue;
    this.sumIsFloat ||= other.sumIsFloat;
    this.sumSquaredValue += other.sumSquaredValue;
    this.sumSquaredIsFloat ||= other.sumSquaredIsFloat;
    if (other.count > 0) this.takeExtremes(other.minValue, other.minIsFloat, other.maxValue, other.maxIsFloat);
    this.count += other.count;
    return this;
  }

  // Python's min/max keep the first argument on ties, so its type survives.
  private takeExtremes(min: number, minIsFloat: boolean, max: number, maxIsFloat: boolean): void {
    if (this.count === 0 || min < this.minValue) {
      this.minValue = min;
      this.minIsFloat = minIsFloat;
    }
    if (this.count === 0 || max > this.maxValue) {
      this.maxValue = max;
      this.maxIsFloat = maxIsFloat;
    }
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
    return this.sumValue;
  }
  get sumSquared(): number {
    return this.sumSquaredValue;
  }
  /** The minimum with its Python type (int or float), as `add` would take it back. */
  minAsPy(): PyNumber | undefined {
    return this.count === 0 ? undefined : asPy(this.minValue, this.minIsFloat);
  }
  get min(): number | undefined {
    return this.count === 0 ? undefined : this.minValue;
  }
  get max(): number | undefined {
    return this.count === 0 ? undefined : this.maxValue;
  }
  get mean(): number | undefined {
    return this.count === 0 ? undefined : this.sumValue / this.count;
  }
  /** Population variance, clamped at 0 (HELM writes the clamped value as the int `0`). */
  get variance(): number | undefined {
    if (this.count === 0) return undefined;
    const variance = this.unclampedVariance();
    return variance < 0 ? 0 : variance;
  }
  /** E[x²] − E[x]², which rounding can take below 0 (HELM clamps it, and then writes the int `0`); count > 0. */
  private unclampedVariance(): number {
    const mean = this.sumValue / this.count;
    return this.sumSquaredValue / this.count - mean * mean;
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

  /** JSON.stringify writes the JSON form. */
  toJSON(): StatJson {
    return this.toJson();
  }

  /** `helmJson(this.toJson(), indent, level)`, written without building the record: most of a run's output is stats. */
  helmJsonText(indent: number, level: number): string {
    const at = newlineIndent(indent * (level + 1));
    let out =
      `{${at}"name": ${metricNameHelmJson(this.name, indent, level + 1)},${at}"count": ${this.count}` +
      `,${at}"sum": ${pythonNumberText(this.sumValue, this.sumIsFloat)}` +
      `,${at}"sum_squared": ${pythonNumberText(this.sumSquaredValue, this.sumSquaredIsFloat)}`;
    if (this.count > 0) {
      const raw = this.unclampedVariance();
      out +=
        `,${at}"min": ${pythonNumberText(this.minValue, this.minIsFloat)},${at}"max": ${pythonNumberText(this.maxValue, this.maxIsFloat)}` +
        `,${at}"mean": ${pythonFloatRepr(this.sumValue / this.count)},${at}"variance": ${raw < 0 ? '0' : pythonFloatRepr(raw)}` +
        `,${at}"stddev": ${pythonFloatRepr(Math.sqrt(raw < 0 ? 0 : raw))}`;
    }
    return `${out}${newlineIndent(indent * level)}}`;
  }

  /**
   * `JSON.stringify(this)`, the NDJSON form (Python's int/float distinction not kept), written without building the
   * record: a run writes every per-instance stat this way, and the record cost an object and its PyFloats per stat.
   */
  ndjsonText(): string {
    let out = `{"name":${JSON.stringify(this.name)},"count":${this.count},"sum":${jsonNumber(this.sumValue)},"sum_squared":${jsonNumber(this.sumSquaredValue)}`;
    if (this.count > 0) {
      const raw = this.unclampedVariance();
      const variance = raw < 0 ? 0 : raw;
      out +=
        `,"min":${jsonNumber(this.minValue)},"max":${jsonNumber(this.maxValue)},"mean":${jsonNumber(this.sumValue / this.count)}` +
        `,"variance":${jsonNumber(variance)},"stddev":${jsonNumber(Math.sqrt(variance))}`;
    }
    return `${out}}`;
  }

  /** HELM's JSON form: None fields dropped, ints and floats as Python would print them. */
  toJson(): StatJson {
    const out: StatJson = {
      name: this.name,
      count: this.count,
      sum: asPy(this.sumValue, this.sumIsFloat),
      sum_squared: asPy(this.sumSquaredValue, this.sumSquaredIsFloat),
    };
    if (this.count === 0) return out;
    out.min = asPy(this.minValue, this.minIsFloat);
    out.max = asPy(this.maxValue, this.maxIsFloat);
    out.mean = new PyFloat(this.mean!);
    const raw = this.unclampedVariance();
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
  // Looked up part by part (name, split, sub-split, perturbation key): the parts are strings V8 has hashed before,
  // where one concatenated key would be a new string to hash on every lookup of every instance's stats.
  private readonly byName = new Map<string, Map<string, Map<string, Map<string, Stat>>>>();
  private readonly inOrder: Stat[] = [];

  /** Merges `stat` in (HELM `merge_stat`). */
  merge(stat: Stat): void {
    const existing = this.get(stat.name);
    if (existing === undefined) this.insert(stat.copy());
    else existing.merge(stat);
  }

  /** Merges `stat`'s values under another name (HELM `merge_stat(replace(stat, name=…))`) without copying it first. */
  mergeAs(name: MetricName, stat: Stat): void {
    const existing = this.get(name);
    if (existing === undefined) this.insert(new Stat(name).merge(stat));
    else existing.merge(stat);
  }

  /** Adds one value to the stat of `name`, creating it when new. */
  addAs(name: MetricName, value: PyNumber): void {
    const existing = this.get(name);
    if (existing === undefined) this.insert(new Stat(name).add(value));
    else existing.add(value);
  }

  get(name: MetricName): Stat | undefined {
    return this.byName.get(name.name)?.get(name.split ?? '')?.get(name.sub_split ?? '')?.get(perturbationKey(name.perturbation));
  }

  private insert(stat: Stat): void {
    const { name } = stat;
    const bySplit = getOrCreate(this.byName, name.name);
    const bySubSplit = getOrCreate(bySplit, name.split ?? '');
    getOrCreate(bySubSplit, name.sub_split ?? '').set(perturbationKey(name.perturbation), stat);
    this.inOrder.push(stat);
  }

  values(): IterableIterator<Stat> {
    return this.inOrder.values();
  }

  get size(): number {
    return this.inOrder.length;
  }
}

function getOrCreate<V>(map: Map<string, Map<string, V>>, key: string): Map<string, V> {
  let inner = map.get(key);
  if (inner === undefined) map.set(key, (inner = new Map()));
  return inner;
}
