/** @module Test helper: HELM's own outputs on this folder's fixture files (helm-fairness-vectors.json), and ours. */
import { readFileSync } from 'node:fs';
import { helmJson } from '../../../../core/helm-json.ts';
import { reference, type Instance } from '../../../../core/instance.ts';
import { parsePythonJson } from '../../../../core/python-json.ts';
import type { PerturbationSpec } from '../../../../core/run-spec.ts';
import { createAugmenter } from '../../augment.ts';
import type { PerturbationResources } from '../../perturbation-resources.ts';

const here = (name: string) => new URL(name, import.meta.url);

interface Vectors {
  files: { default: Record<string, string>; custom: Record<string, string> };
  perturbations: Record<string, PerturbationSpec>;
  instances: { id: string; text: string; references: string[] }[];
  results: Record<string, string[]>;
  dialect_raises: Record<string, string | null>;
}

/** The vectors, parsed as Python reads them (1.0 stays a float). */
export const vectors = parsePythonJson(readFileSync(here('helm-fairness-vectors.json'), 'utf8')) as Vectors;

/** A fixture file's text. */
export const fixtureText = (name: string): string => readFileSync(here(name), 'utf8');

/** What preparePerturbationResources would give with HELM's output path `benchmark_output` and the fixture files placed where the generator placed them. */
export const fixtureResources: PerturbationResources = {
  outputPath: 'benchmark_output',
  files: new Map(
    [...Object.entries(vectors.files.default), ...Object.entries(vectors.files.custom)].map(([name, path]) => [path, fixtureText(name)]),
  ),
};

/** The vector instances, the first reference tagged correct (as the generator builds them). */
export const vectorInstances: Instance[] = vectors.instances.map(({ id, text, references }) => ({
  input: { text },
  references: references.map((r, i) => reference(r, i === 0)),
  split: 'test',
  id,
}));

/**
 * Our DataAugmenter.generate(instances, include_original=False, skip_unchanged=False, seeds_per_instance=2) with
 * one perturbation, each copy as HELM writes an instance (json.dumps(asdict_without_nones(i), indent=2)).
 */
export function ourResults(name: string): string[] {
  const augmenter = createAugmenter(
    {
      perturbation_specs: [vectors.perturbations[name]!],
      should_augment_train_instances: false,
      should_include_original_train: false,
      should_skip_unchanged_train: false,
      should_augment_eval_instances: true,
      should_include_original_eval: false,
      should_skip_unchanged_eval: false,
      seeds_per_instance: 2,
    },
    fixtureResources,
  );
  return vectorInstances.flatMap((instance) => augmenter.eval(instance)).map((copy) => helmJson(copy, 2));
}

/** The names of the vector perturbations of one HELM class. */
export const perturbationsOf = (className: string): string[] =>
  Object.entries(vectors.perturbations).filter(([, spec]) => spec.class_name.endsWith(className)).map(([name]) => name);
