/** @module MetricName and PerturbationDescription with HELM's field names and JSON key order. */
import { helmJson, newlineIndent, pythonJsonString } from './helm-json.ts';
import type { PyNumber } from './py-float.ts';

/** How a stat over a perturbation is computed (HELM `computed_on`). */
export type ComputedOn = 'perturbed' | 'original' | 'worst';

/**
 * HELM's PerturbationDescription. Subclass fields (e.g. `num_spaces`, `prob`) follow `seed`,
 * in the order the perturbation declares them; key order is JSON order.
 */
export interface PerturbationDescription {
  readonly name: string;
  readonly robustness: boolean;
  readonly fairness: boolean;
  readonly computed_on: ComputedOn;
  readonly seed?: number;
  readonly [extra: string]: string | boolean | PyNumber | undefined;
}

/** HELM's MetricName: a stat name within a context (split, sub-split, perturbation). */
export interface MetricName {
  readonly name: string;
  readonly split?: string;
  readonly sub_split?: string;
  readonly perturbation?: PerturbationDescription;
}

/** The context part of a MetricName (HELM `MetricContext`). */
export type MetricContext = Omit<MetricName, 'name'>;

/** A PerturbationDescription with HELM's defaults and field order. */
export function perturbationDescription(
  name: string,
  flags: { robustness?: boolean; fairness?: boolean; computed_on?: ComputedOn; seed?: number } = {},
  extra: Readonly<Record<string, string | boolean | PyNumber>> = {},
): PerturbationDescription {
  const base: Record<string, string | boolean | PyNumber> = {
    name,
    robustness: flags.robustness ?? false,
    fairness: flags.fairness ?? false,
    computed_on: flags.computed_on ?? 'perturbed',
  };
  if (flags.seed !== undefined) base['seed'] = flags.seed;
  return { ...base, ...extra } as PerturbationDescription;
}

// Descriptions are immutable and shared by every stat of an instance: their keys are computed once.
const keysOfPerturbations = new WeakMap<PerturbationDescription, string>();

/** A stable string identity: two descriptions are equal (as HELM's dataclass eq) iff their keys are equal. */
export function perturbationKey(p: PerturbationDescription | undefined): string {
  if (p === undefined) return '';
  let key = keysOfPerturbations.get(p);
  if (key === undefined) {
    key = JSON.stringify(p);
    keysOfPerturbations.set(p, key);
  }
  return key;
}

/** A stable string identity of a MetricName. */
export function metricNameKey(n: MetricName): string {
  return `${n.name}\u0000${n.split ?? ''}\u0000${n.sub_split ?? ''}\u0000${perturbationKey(n.perturbation)}`;
}

/** A MetricName in the given context, with fields in HELM's order and absent (undefined) ones left out. */
export function withContext(
  name: string,
  context: { readonly [K in keyof MetricContext]?: MetricContext[K] | undefined },
): MetricName {
  const out: { name: string; split?: string; sub_split?: string; perturbation?: PerturbationDescription } = { name };
  if (context.split !== undefined) out.split = context.split;
  if (context.sub_split !== undefined) out.sub_split = context.sub_split;
  if (context.perturbation !== undefined) out.perturbation = context.perturbation;
  return out;
}

// A description's HELM text per (indent, level): shared by every stat over that perturbation.
const perturbationTexts = new WeakMap<PerturbationDescription, Map<number, string>>();
function perturbationHelmJson(p: PerturbationDescription, indent: number, level: number): string {
  let texts = perturbationTexts.get(p);
  if (texts === undefined) perturbationTexts.set(p, (texts = new Map()));
  const slot = indent * 1024 + level;
  let text = texts.get(slot);
  if (text === undefined) texts.set(slot, (text = helmJson(p, indent, level)));
  return text;
}

/** HELM's JSON text of a MetricName (fields in its dataclass order, absent ones left out), as `helmJson` writes records. */
export function metricNameHelmJson(n: MetricName, indent: number, level: number): string {
  const at = newlineIndent(indent * (level + 1));
  let out = `{${at}"name": ${pythonJsonString(n.name)}`;
  if (n.split !== undefined) out += `,${at}"split": ${pythonJsonString(n.split)}`;
  if (n.sub_split !== undefined) out += `,${at}"sub_split": ${pythonJsonString(n.sub_split)}`;
  if (n.perturbation !== undefined) out += `,${at}"perturbation": ${perturbationHelmJson(n.perturbation, indent, level + 1)}`;
  return `${out}${newlineIndent(indent * level)}}`;
}
