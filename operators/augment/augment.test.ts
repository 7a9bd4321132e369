import { describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors.ts';
import { reference, type Instance } from '../../core/instance.ts';
import { DEFAULT_DATA_AUGMENTER_SPEC, type DataAugmenterSpec, type PerturbationSpec } from '../../core/run-spec.ts';
import { applyPerturbation, createAugmenter, withSeed } from './augment.ts';
import { PERTURBATION_SETS } from './perturbation-sets.ts';
import { createPerturbation } from './registry.ts';

const A = 'helm.benchmark.augmentations';
const EXTRA_SPACE: PerturbationSpec = { class_name: `${A}.extra_space_perturbation.ExtraSpacePerturbation`, args: { num_spaces: 2 } };
const MILD_MIX: PerturbationSpec = { class_name: `${A}.mild_mix_perturbation.MildMixPerturbation`, args: {} };

/** The spec HELM's `data_augmentation=…` expander writes (eval only, original included, unchanged skipped). */
const expanderSpec = (specs: readonly PerturbationSpec[], seeds = 1): DataAugmenterSpec => ({
  perturbation_specs: specs,
  should_augment_train_instances: false,
  should_include_original_train: true,
  should_skip_unchanged_train: true,
  should_augment_eval_instances: true,
  should_include_original_eval: true,
  should_skip_unchanged_eval: true,
  seeds_per_instance: seeds,
});

const mcqa: Instance = { input: { text: 'Is 70 even or odd?' }, references: [reference('Even', true)], split: 'test', id: 'id60' };
const oneWord: Instance = { input: { text: 'seventy' }, references: [], split: 'test', id: 'id1' };
const passage: Instance = {
  input: { text: 'p\nQuestion: q', kind: 'passage_question' },
  references: [],
  split: 'valid',
  id: 'id2',
};
const texts = (instances: Instance[]) => instances.map((i) => [i.perturbation?.name ?? 'original', i.perturbation?.seed, i.input.text]);

// Expected values: HELM v0.5.16 DataAugmenter.generate under CPython 3.11 on the same instances.
describe('createAugmenter', () => {
  it('emits the original, then each perturbation for each seed (None, 1, …), in HELM order', () => {
    const augmenter = createAugmenter(expanderSpec([EXTRA_SPACE, MILD_MIX], 2));
    expect(texts(augmenter.eval(mcqa))).toEqual([
      ['original', undefined, 'Is 70 even or odd?'],
      ['extra_space', undefined, 'Is  70  even  or  odd?'],
      ['extra_space', 1, 'Is  70  even  or  odd?'],
      ['mild_mix', undefined, 'is 70  even or  odd?'],
      ['mild_mix', 1, 'is 70 even   or  odd?'],
    ]);
  });

  it('writes perturbed copies as HELM does: same id, seeded description, the original as contrast input', () => {
    const [, copy, seeded] = createAugmenter(expanderSpec([EXTRA_SPACE], 2)).eval(mcqa);
    expect(JSON.stringify(copy)).toBe(
      '{"input":{"text":"Is  70  even  or  odd?"},"references":[{"output":{"text":"Even"},"tags":["correct"]}],' +
        '"split":"test","id":"id60","perturbation":{"name":"extra_space","robustness":true,"fairness":false,' +
        '"computed_on":"perturbed","num_spaces":2},"contrast_inputs":[{"text":"Is 70 even or odd?"}]}',
    );
    expect(JSON.stringify(seeded?.perturbation)).toBe(
      '{"name":"extra_space","robustness":true,"fairness":false,"computed_on":"perturbed","seed":1,"num_spaces":2}',
    );
  });

  it('skips unchanged copies of a plain input when skip_unchanged is set, and keeps them otherwise', () => {
    expect(texts(createAugmenter(expanderSpec([EXTRA_SPACE, MILD_MIX], 2)).eval(oneWord))).toEqual([
      ['original', undefined, 'seventy'],
    ]);
    const keep = createAugmenter({ ...expanderSpec([EXTRA_SPACE]), should_skip_unchanged_eval: false });
    expect(texts(keep.eval(oneWord))).toEqual([
      ['original', undefined, 'seventy'],
      ['extra_space', undefined, 'seventy'],
    ]);
  });

  it('keeps unchanged copies of a passage_question input: HELM compares a PassageQuestionInput with a plain Input', () => {
    const unchanged: Instance = { ...passage, input: { text: 'no-spaces', kind: 'passage_question' } };
    const out = createAugmenter(expanderSpec([EXTRA_SPACE])).eval(unchanged);
    expect(out.map((i) => i.input)).toEqual([{ text: 'no-spaces', kind: 'passage_question' }, { text: 'no-spaces' }]);
    expect(out[1]?.contrast_inputs).toEqual([{ text: 'no-spaces', kind: 'passage_question' }]);
    expect(texts(createAugmenter(expanderSpec([MILD_MIX])).eval(passage))).toEqual([
      ['original', undefined, 'p\nQuestion: q'],
      ['mild_mix', undefined, 'p\nquestion:  q'],
    ]);
  });

  it('leaves a split alone when its augmentation is off, and drops originals when include_original is off', () => {
    const augmenter = createAugmenter({ ...expanderSpec([EXTRA_SPACE, MILD_MIX]), should_include_original_eval: false });
    expect(augmenter.train(mcqa)).toEqual([mcqa]);
    expect(texts(augmenter.eval(mcqa))).toEqual([
      ['extra_space', undefined, 'Is  70  even  or  odd?'],
      ['mild_mix', undefined, 'is 70  even or  odd?'],
    ]);
    expect(augmenter.eval(oneWord)).toEqual([]);
  });

  it('returns each instance as is with the default spec', () => {
    const augmenter = createAugmenter(DEFAULT_DATA_AUGMENTER_SPEC);
    expect(augmenter.train(mcqa)).toEqual([mcqa]);
    expect(augmenter.eval(passage)[0]).toBe(passage);
  });

  it('runs the `robustness` set (mild_mix) on the simple_mcqa golden vectors', () => {
    const augmenter = createAugmenter(expanderSpec(PERTURBATION_SETS['robustness']!['robustness']!));
    const eval48: Instance = { ...mcqa, input: { text: 'Is 48 even or odd?' }, id: 'id38' };
    const eval51: Instance = { ...mcqa, input: { text: 'Is 51 even or odd?' }, id: 'id41' };
    expect([mcqa, eval48, eval51].flatMap(augmenter.eval).map((i) => i.input.text)).toEqual([
      'Is 70 even or odd?',
      'is 70  even or  odd?',
      'Is 48 even or odd?',
      'is  48   even  or  odd?',
      'Is 51 even or odd?',
      'is   51 even or   odd?',
    ]);
  });

  it('validates every perturbation up front, even when no split is augmented', () => {
    const off = (specs: readonly PerturbationSpec[]) => () => createAugmenter({ ...DEFAULT_DATA_AUGMENTER_SPEC, perturbation_specs: specs });
    expect(off([{ class_name: `${A}.nope.Nope`, args: {} }])).toThrow(UserError);
    expect(off(PERTURBATION_SETS['fairness']!['fairness']!)).toThrow(/DialectPerturbation reads .* not prepared/);
    expect(off(PERTURBATION_SETS['synonym']!['synonym0.5']!)).toThrow(/SynonymPerturbation reads WordNet, which was not prepared/);
    expect(off([{ ...EXTRA_SPACE, args: { num_spaces: 2, extra: 1 } }])).toThrow(/unexpected 'extra'/);
    expect(() => createAugmenter({ ...expanderSpec([]), seeds_per_instance: 1.5 })).toThrow(UserError);
  });
});

describe('applyPerturbation', () => {
  it('perturbs references first, with the same rng, when the perturbation asks for it', () => {
    const base = createPerturbation(MILD_MIX);
    const both = { ...base, perturbsReferences: true };
    const instance: Instance = { ...mcqa, references: [reference('Is 70 even or odd?', true)] };
    const copy = applyPerturbation(both, instance);
    expect(copy.references[0]?.output.text).toBe('is 70  even or  odd?'); // the draws a lone input would get
    expect(copy.references[0]?.tags).toEqual(['correct']);
    expect(copy.input.text).toBe('is   70 even or   odd?'); // HELM with should_perturb_references = True
  });

  it('keeps sub_split and extra_data, in HELM field order', () => {
    const instance: Instance = { ...mcqa, sub_split: 's', extra_data: { k: 1 } };
    const copy = applyPerturbation(createPerturbation(EXTRA_SPACE), instance);
    expect(Object.keys(copy)).toEqual(['input', 'references', 'split', 'sub_split', 'id', 'perturbation', 'contrast_inputs', 'extra_data']);
  });
});

describe('withSeed', () => {
  it('puts the seed after computed_on and drops it for seed None', () => {
    const description = createPerturbation(EXTRA_SPACE).description;
    expect(Object.keys(withSeed(description, 3))).toEqual(['name', 'robustness', 'fairness', 'computed_on', 'seed', 'num_spaces']);
    expect(withSeed(withSeed(description, 3), undefined)).toEqual(description);
  });
});
