/**
 * @module `data_augmentation=<set>` (DataAugmentationRunExpander): one RunSpec per inner entry of the named
 * perturbation set, named `,data_augmentation=<inner name>`, that augments eval instances and keeps the
 * originals beside them (so robustness/fairness are computed within the same run).
 */
import type { DataAugmenterSpec, PerturbationSpec } from '../../../core/run-spec.ts';
import { PERTURBATION_SETS } from '../../../operators/augment/perturbation-sets.ts';
import { appendArgWithComma, lookup, unknownValueError, type ExpanderFactory } from './expander.ts';

/** HELM's DataAugmenterSpec for a data_augmentation run (the train flags are irrelevant: train is not augmented). */
export function augmentEvalSpec(perturbationSpecs: readonly PerturbationSpec[]): DataAugmenterSpec {
  return {
    perturbation_specs: perturbationSpecs,
    should_augment_train_instances: false,
    should_include_original_train: true,
    should_skip_unchanged_train: true,
    should_augment_eval_instances: true,
    should_include_original_eval: true,
    should_skip_unchanged_eval: true,
    seeds_per_instance: 1,
  };
}

export const dataAugmentationExpander: ExpanderFactory = (value) => {
  const set = lookup(PERTURBATION_SETS, value);
  if (set === undefined) throw unknownValueError('data_augmentation', value, Object.keys(PERTURBATION_SETS));
  const options = Object.entries(set);
  return function dataAugmentation(runSpec) {
    return options.map(([name, specs]) => ({
      ...appendArgWithComma(runSpec, 'data_augmentation', name),
      data_augmenter_spec: augmentEvalSpec(specs),
    }));
  };
};
