/** @module Data augmentation (HELM `data_augmenter.py` + `data_preprocessor.py`): per-instance perturbed copies. */
import { UserError } from '../../core/errors.ts';
import { sameInput, type Input, type Instance, type Reference } from '../../core/instance.ts';
import { perturbationDescription, type PerturbationDescription } from '../../core/metric-name.ts';
import type { PyNumber } from '../../core/py-float.ts';
import { PythonRandom } from '../../core/rng/python-random.ts';
import type { EnsureFiles } from '../../core/remote-file.ts';
import type { DataAugmenterSpec } from '../../core/run-spec.ts';
import { preparePerturbationResources, type PerturbationResources } from './perturbation-resources.ts';
import { isInstancePerturbation, type Perturbation } from './perturbations/instance-perturbation.ts';
import { createPerturbation } from './registry.ts';

/** Turns one train or eval instance into the instances the run uses, in HELM's order. */
export interface Augmenter {
  /** A train instance → itself, or (when train augmentation is on) its original and/or perturbed copies. */
  train(instance: Instance): Instance[];
  /** An eval (valid/test) instance → likewise, under the eval flags. */
  eval(instance: Instance): Instance[];
}

/**
 * Builds the per-instance augmentation a DataAugmenterSpec describes. Pure: the same instance always
 * gives the same copies (each perturbation is seeded from the instance id).
 *
 *   instance → [instance if include_original] + for each perturbation, for i < seeds_per_instance:
 *              apply(instance, seed = i === 0 ? None : i), dropped if skip_unchanged and the input is equal
 *
 * When augmentation of a split is off, an instance maps to `[instance]`. (When it is on with no
 * perturbations and include_original off, HELM drops every instance; so do we.) Every perturbation is
 * built, and so validated, here, even if neither split is augmented, as HELM's `create_data_augmenter` does.
 * Perturbations that read files (dialect, person_name, gender with a mapping file) take them from
 * `resources`; without them they throw a UserError: use `prepareAugmenter`, which reads them first.
 * @example const augmenter = createAugmenter(runSpec.data_augmenter_spec); evalInstances.flatMap(augmenter.eval)
 */
export function createAugmenter(spec: DataAugmenterSpec, resources?: PerturbationResources): Augmenter {
  const perturbations = spec.perturbation_specs.map((perturbationSpec) => createPerturbation(perturbationSpec, resources));
  const seeds = spec.seeds_per_instance;
  if (!Number.isSafeInteger(seeds)) throw new UserError(`seeds_per_instance must be an integer, got ${seeds}.`);

  const process = (instance: Instance, includeOriginal: boolean, skipUnchanged: boolean): Instance[] => {
    const out = includeOriginal ? [instance] : []; // the original is kept even when nothing changes
    for (const perturbation of perturbations) {
      for (let i = 0; i < seeds; i++) {
        const copy = applyPerturbation(perturbation, instance, i === 0 ? undefined : i);
        // HELM compares Input dataclasses: a passage_question input never equals the plain copy, so it is kept.
        if (!(skipUnchanged && sameInput(copy.input, instance.input))) out.push(copy);
      }
    }
    return out;
  };

  return {
    train: (instance) =>
      spec.should_augment_train_instances
        ? process(instance, spec.should_include_original_train, spec.should_skip_unchanged_train)
        : [instance],
    eval: (instance) =>
      spec.should_augment_eval_instances
        ? process(instance, spec.should_include_original_eval, spec.should_skip_unchanged_eval)
        : [instance],
  };
}

/**
 * The augmenter of a run: downloads (into `<outputPath>/perturbations/<name>/`, HELM's place) and reads the files
 * its perturbations need, then builds it. The one call a run makes before its instances flow.
 * @example const augmenter = await prepareAugmenter(runSpec.data_augmenter_spec, 'benchmark_output');
 */
export async function prepareAugmenter(spec: DataAugmenterSpec, outputPath: string, ensureFiles: EnsureFiles): Promise<Augmenter> {
  return createAugmenter(spec, await preparePerturbationResources(spec.perturbation_specs, outputPath, ensureFiles));
}

/**
 * A perturbation's `apply`: the perturbation's own when it has one (PersonNamePerturbation), else HELM
 * `TextPerturbation.apply`: rng = `Random(instance.id)` (seed None) or `Random(str(seed) + instance.id)`;
 * references first (when the perturbation perturbs them), then the input, which becomes a plain `Input`
 * (a `passage_question` input loses its kind). Same id; `contrast_inputs` = [the original input].
 */
export function applyPerturbation(perturbation: Perturbation, instance: Instance, seed?: number): Instance {
  if (isInstancePerturbation(perturbation)) return perturbation.apply(instance, seed);
  const rng = new PythonRandom(seed === undefined ? instance.id : String(seed) + instance.id);
  const perturbReference = (ref: Reference): Reference => ({
    ...ref,
    output: { ...ref.output, text: perturbation.perturb(ref.output.text, rng) },
  });
  const references = perturbation.perturbsReferences ? instance.references.map(perturbReference) : instance.references;
  const input: Input = { text: perturbation.perturb(instance.input.text, rng) };
  // HELM's Instance field order: input, references, split, sub_split, id, perturbation, contrast_inputs, …
  return {
    input,
    references,
    split: instance.split,
    ...(instance.sub_split !== undefined && { sub_split: instance.sub_split }),
    id: instance.id,
    perturbation: withSeed(perturbation.description, seed),
    contrast_inputs: [instance.input],
    ...(instance.contrast_references !== undefined && { contrast_references: instance.contrast_references }),
    ...(instance.extra_data !== undefined && { extra_data: instance.extra_data }),
  };
}

/** HELM `replace(description, seed=seed)`: `seed` goes after `computed_on`, before the class's own fields. */
export function withSeed(description: PerturbationDescription, seed: number | undefined): PerturbationDescription {
  const { name, robustness, fairness, computed_on, seed: _previous, ...extra } = description;
  type Field = string | boolean | PyNumber;
  const fields = Object.fromEntries(Object.entries(extra).filter(([, v]) => v !== undefined)) as Record<string, Field>;
  const flags = { robustness, fairness, computed_on, ...(seed !== undefined && { seed }) };
  return perturbationDescription(name, flags, fields);
}
