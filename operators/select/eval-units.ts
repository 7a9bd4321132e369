/** @module The units of a run, in HELM's order: train trials × num_trials repetitions × eval instances. */
import type { AdapterSpec } from '../../core/adapter-spec.ts';
import type { Instance } from '../../core/instance.ts';
import { sampleExamples } from '../adapt/in-context-sample.ts';
import type { Unit } from '../flow/unit.ts';

export interface EvalUnitsOptions {
  /** The train instances in-context examples are sampled from (after train augmentation). */
  readonly train: readonly Instance[];
  /** The selected eval instances in HELM's order; called once per trial and repetition, each call reading them again. */
  readonly evalInstances: () => AsyncIterable<Instance>;
  /** Read: num_train_trials, num_trials and what `sampleExamples` needs. */
  readonly spec: AdapterSpec;
}

/**
 * Yields every unit of a run with `seq` counting from 0: for each train trial (its examples sampled once, when the
 * trial starts), for each repetition, every eval instance. Lazy: one eval instance is read per `next()`, so it
 * enters the graph through `pull` one credit at a time.
 * @example pull(evalUnits({ train, evalInstances: selection.evalInstances, spec }), credits$)
 */
export async function* evalUnits(options: EvalUnitsOptions): AsyncIterable<Unit> {
  const { train, spec } = options;
  let seq = 0;
  for (let trial = 0; trial < spec.num_train_trials; trial++) {
    const examples = sampleExamples(train, spec, trial);
    for (let repetition = 0; repetition < spec.num_trials; repetition++) {
      for await (const instance of options.evalInstances()) yield { seq: seq++, trial, repetition, instance, examples };
    }
  }
}
