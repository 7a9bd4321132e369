import { lastValueFrom, of, toArray } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DATA_AUGMENTER_SPEC, type DataAugmenterSpec } from '../../core/run-spec.ts';
import { createAugmenter } from '../augment/augment.ts';
import type { Unit } from '../flow/unit.ts';
import { simpleTokenizer } from '../request/tokenizers/simple-tokenizer.ts';
import { goldenMmluInstances, goldenMmluState } from './__fixtures__/golden-mmlu.ts';
import { createAdapter } from './adapt.ts';
import { adaptUnits } from './adapt-units.ts';
import { sampleExamples } from './in-context-sample.ts';
import { localWindowService } from './window-service.ts';

const { train, test } = goldenMmluInstances();
const { spec, states: golden } = goldenMmluState();
const windowService = localWindowService({ tokenizerName: 'simple/tokenizer1', tokenizer: simpleTokenizer(), maxSequenceLength: 2048 });
const adapter = createAdapter(spec, windowService);
const examples = sampleExamples(train, spec, 0);
const byId = new Map(test.map((instance) => [instance.id, instance]));
const unitOf = (seq: number, id: string, repetition = 0): Unit => ({ seq, trial: 0, repetition, instance: byId.get(id)!, examples });
const json = (x: unknown): unknown => JSON.parse(JSON.stringify(x));

/** HELM's `data_augmentation=extra_space` style spec: eval only, original kept, unchanged copies skipped. */
const extraSpace: DataAugmenterSpec = {
  ...DEFAULT_DATA_AUGMENTER_SPEC,
  perturbation_specs: [{ class_name: 'helm.benchmark.augmentations.extra_space_perturbation.ExtraSpacePerturbation', args: { num_spaces: 2 } }],
  should_augment_eval_instances: true,
  should_include_original_eval: true,
  should_skip_unchanged_eval: true,
};

describe('adaptUnits', () => {
  it('makes the golden MMLU run’s request states unit by unit, field for field (result aside)', async () => {
    const units = golden.map((state, seq) => unitOf(seq, state.instance.id));
    const out = await lastValueFrom(of(...units).pipe(adaptUnits(adapter, createAugmenter(DEFAULT_DATA_AUGMENTER_SPEC)), toArray()));
    expect(out.map((u) => [u.seq, u.trial, u.states.length])).toEqual(golden.map((_, seq) => [seq, 0, 1]));
    out.forEach((unit, i) => {
      const { result: _result, ...expected } = golden[i]!;
      expect(json(unit.states[0])).toEqual(expected);
    });
  });

  it('adapts the original, then each perturbed copy; a repetition marks its requests with random = "i"', async () => {
    const [unit] = await lastValueFrom(of(unitOf(7, 'id33', 1)).pipe(adaptUnits(adapter, createAugmenter(extraSpace)), toArray()));
    expect(unit!.seq).toBe(7);
    expect(unit!.states.map((s) => [s.instance.id, s.instance.perturbation?.name, s.request.random])).toEqual([
      ['id33', undefined, '1'],
      ['id33', 'extra_space', '1'],
    ]);
    const question = 'Which structure lies immediately adjacent to the medulla, in the duct region? (note: "quoted", with comma)';
    const spaced = 'Which  structure  lies  immediately  adjacent  to  the  medulla,  in  the  duct  region?  (note:  "quoted",  with  comma)';
    expect(unit!.states[1]!.instance.input.text).toBe(spaced);
    // Only the eval question changes (references are not perturbed): the prompts differ in that line alone.
    expect(unit!.states[1]!.request.prompt).toBe(unit!.states[0]!.request.prompt.replace(`Question: ${question}\n`, `Question: ${spaced}\n`));
    expect(unit!.states[0]!.request.prompt).toBe(golden[0]!.request.prompt);
  });

  it('emits one unit per unit, when it comes, and completes with its source', () => {
    new TestScheduler((actual, expected) => expect(json(actual)).toEqual(json(expected))).run(({ cold, expectObservable }) => {
      const units = { a: unitOf(0, 'id33'), b: unitOf(1, 'id16') };
      const adapted = {
        A: { seq: 0, trial: 0, states: adapter.requestsFor(units.a.instance, 0, examples) },
        B: { seq: 1, trial: 0, states: adapter.requestsFor(units.b.instance, 0, examples) },
      };
      expectObservable(cold('-a--b-|', units).pipe(adaptUnits(adapter, createAugmenter(DEFAULT_DATA_AUGMENTER_SPEC)))).toBe('-A--B-|', adapted);
    });
  });
});
