/**
 * @module HELM's ReplaceValueRunExpander family: set one adapter field to a value or to each value of a
 * named set, one RunSpec per value, with `key=value` appended by the "c/:" rule.
 */
import type { ArgValue } from '../py-text.ts';
import {
  appendArg,
  lookup,
  requireInt,
  requireString,
  sanitize,
  withAdapter,
  type ExpanderFactory,
} from './expander.ts';

/** The integer adapter fields set by ReplaceValue expanders. */
type IntField = 'max_train_instances' | 'max_eval_instances' | 'num_train_trials' | 'num_outputs' | 'num_trials';

/** Named value sets (HELM `values_dict` of each class). */
export const REPLACE_VALUE_SETS: Readonly<Record<IntField, Readonly<Record<string, readonly number[]>>>> = {
  // MaxTrainInstancesRunExpander: learning curves.
  max_train_instances: {
    zero: [0],
    one: [1],
    all: [0, 1, 2, 4, 8, 16], // capped at 16 due to limited context length
    big_bench_few_shot_setting: [0, 1, 2, 3], // the usual BIG-bench few-shot setting
    vhelm: [0, 1, 2, 4, 8],
    melt: [0, 1, 5],
  },
  max_eval_instances: { default: [1_000], heim_default: [100], heim_fid: [30_000], heim_art_styles: [17] },
  // Keys are strings in HELM, so unreachable from a description (`3` is parsed as an int and used as is).
  num_train_trials: { '1': [1], '2': [2], '3': [3], '4': [4], '5': [5] },
  num_outputs: { default: [1], copyright_sweep: [1, 10] },
  num_trials: { heim_efficiency: [5] },
};

const MINIMUM: Readonly<Record<IntField, number>> = {
  max_train_instances: 0,
  max_eval_instances: 0,
  num_train_trials: 1,
  num_outputs: 1,
  num_trials: 1,
};

/**
 * The expander for one integer field. HELM accepts any value and fails later (or writes a float or a
 * string into the adapter spec); we require integers up front.
 */
export function replaceIntValue(field: IntField): ExpanderFactory {
  const sets = REPLACE_VALUE_SETS[field];
  return function replaceValueFactory(value: ArgValue) {
    const values = (lookup(sets, value) ?? [value]).map((v) => requireInt(field, v, MINIMUM[field], Object.keys(sets)));
    return function replaceValue(runSpec) {
      return values.map((v) => withAdapter(appendArg(runSpec, field, sanitize(v)), { [field]: v }));
    };
  };
}

/** `model_deployment=<name>`: sets `adapter_spec.model_deployment` (ModelDeploymentRunExpander). */
export const modelDeploymentExpander: ExpanderFactory = (value) => {
  const deployment = requireString('model_deployment', value);
  return function modelDeployment(runSpec) {
    return [withAdapter(appendArg(runSpec, 'model_deployment', sanitize(deployment)), { model_deployment: deployment })];
  };
};
