/**
 * @module One instance as the viewer shows it, made from its request states (HELM RequestState JSON, as the store
 * keeps them) and its per-instance stats: the original and each perturbed copy side by side, each with its trials'
 * requests and its stats.
 */
import type { Row } from './viewer-db.ts';

export interface ViewRequest {
  readonly seq: number;
  readonly reference_index: number | null;
  readonly request_mode: string | null;
  readonly prompt: string;
  readonly completion: string | null;
  readonly mapped_output: string | null;
  readonly success: boolean | null;
  readonly request_time: number | null;
  readonly num_train_instances: number | null;
  readonly prompt_truncated: boolean | null;
}

export interface ViewVariant {
  readonly perturbation_name: string | null;
  readonly perturbation: unknown;
  readonly input: string;
  readonly references: { output: string; tags: string[] }[];
  readonly trials: { train_trial_index: number; requests: ViewRequest[] }[];
  readonly stats: Row[];
}

export interface ViewInstance {
  readonly ordinal: number;
  readonly instance_id: string;
  readonly split: string;
  readonly sub_split: string | null;
  readonly main_value: number | null;
  readonly outcome: 'correct' | 'incorrect' | null;
  readonly variants: ViewVariant[];
}

/** The part of a HELM RequestState the viewer reads. */
export interface StoredState {
  readonly instance: {
    readonly id: string;
    readonly split: string;
    readonly sub_split?: string | null;
    readonly input: { readonly text: string };
    readonly references: readonly { readonly output: { readonly text: string }; readonly tags: readonly string[] }[];
    readonly perturbation?: { readonly name: string } | null;
  };
  readonly train_trial_index: number;
  readonly output_mapping?: Readonly<Record<string, string>> | null;
  readonly reference_index?: number | null;
  readonly request_mode?: string | null;
  readonly request: { readonly prompt: string };
  readonly result?: { readonly success: boolean; readonly request_time?: number; readonly completions: readonly { readonly text: string }[] } | null;
  readonly num_train_instances?: number;
  readonly prompt_truncated?: boolean;
}

/** A request state's first completion, and what the output mapping makes of it (multiple choice: a letter's text). */
export function completionOf(state: Pick<StoredState, 'result' | 'output_mapping'>): { completion: string | null; mapped_output: string | null } {
  const completion = state.result?.completions[0]?.text ?? null;
  return { completion, mapped_output: (completion === null ? undefined : state.output_mapping?.[completion.trim()]) ?? null };
}

function viewRequest(seq: number, state: StoredState): ViewRequest {
  return {
    seq,
    reference_index: state.reference_index ?? null,
    request_mode: state.request_mode ?? null,
    prompt: state.request.prompt,
    ...completionOf(state),
    success: state.result?.success ?? null,
    request_time: state.result?.request_time ?? null,
    num_train_instances: state.num_train_instances ?? null,
    prompt_truncated: state.prompt_truncated ?? null,
  };
}

/** The main metric's mean over trials on the original (else the first) variant; null without such a stat. */
function mainValue(variants: readonly ViewVariant[], metric: string | undefined): number | null {
  if (metric === undefined) return null;
  const variant = variants.find((v) => v.perturbation_name === null) ?? variants[0];
  const values = (variant?.stats ?? [])
    .filter((s) => s['metric_name'] === metric && s['stat_perturbation_name'] === variant?.perturbation_name)
    .map((s) => Number(s['mean']));
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

/**
 * The page's instances, in `seqs` order, from its states (`seq` and the `state` JSON text, in store order) and its
 * per-instance stat rows (with `instance_id`, `perturbation_name`); `keepVariant` chooses the copies shown.
 */
export function viewInstances(
  seqs: readonly number[],
  states: readonly Row[],
  stats: readonly Row[],
  options: { mainMetric?: string; keepVariant: (perturbationName: string | null) => boolean },
): ViewInstance[] {
  const bySeq = new Map<number, { id: string; split: string; subSplit: string | null; variants: Map<string, ViewVariant> }>();
  for (const row of states) {
    const seq = Number(row['seq']);
    const state = JSON.parse(String(row['state'])) as StoredState;
    const name = state.instance.perturbation?.name ?? null;
    if (!options.keepVariant(name)) continue;
    let instance = bySeq.get(seq);
    if (instance === undefined) {
      instance = { id: state.instance.id, split: state.instance.split, subSplit: state.instance.sub_split ?? null, variants: new Map() };
      bySeq.set(seq, instance);
    }
    const key = JSON.stringify(state.instance.perturbation ?? null);
    let variant = instance.variants.get(key);
    if (variant === undefined) {
      variant = {
        perturbation_name: name,
        perturbation: state.instance.perturbation ?? null,
        input: state.instance.input.text,
        references: state.instance.references.map((r) => ({ output: r.output.text, tags: [...r.tags] })),
        trials: [],
        stats: stats.filter((s) => s['instance_id'] === state.instance.id && s['perturbation_name'] === name),
      };
      instance.variants.set(key, variant);
    }
    let trial = variant.trials.find((t) => t.train_trial_index === state.train_trial_index);
    if (trial === undefined) {
      trial = { train_trial_index: state.train_trial_index, requests: [] };
      variant.trials.push(trial);
    }
    trial.requests.push(viewRequest(seq, state));
  }
  return seqs.flatMap((seq) => {
    const instance = bySeq.get(seq);
    if (instance === undefined) return [];
    const variants = [...instance.variants.values()];
    const value = mainValue(variants, options.mainMetric);
    return [{
      ordinal: seq,
      instance_id: instance.id,
      split: instance.split,
      sub_split: instance.subSplit,
      main_value: value,
      outcome: value === null ? null : value >= 0.5 ? 'correct' : 'incorrect',
      variants,
    }];
  });
}
