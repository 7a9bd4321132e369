import { describe, expect, it } from 'vitest';
import { adapterSpec } from '../../core/adapter-spec.ts';
import { UserError } from '../../core/errors.ts';
import { reference, type Instance } from '../../core/instance.ts';
import { goldenMmluInstances, goldenMmluState } from './__fixtures__/golden-mmlu.ts';
import { sampleExamples } from './in-context-sample.ts';

const labeled = (id: string, label: string): Instance => ({
  id,
  input: { text: `say ${label}` },
  references: [reference(label, true)],
  split: 'train',
});
const unlabeled = (id: string): Instance => ({ id, input: { text: id }, references: [reference('x', false)], split: 'train' });
const ids = (instances: readonly Instance[]) => instances.map((i) => i.id);

const k5 = adapterSpec({ method: 'generation', max_train_instances: 5 });

// HELM v0.5.16 in_context_learning_adapter.py: sample_examples; golden vectors of reference §13.
describe('sampleExamples', () => {
  const labels = ['no', 'yes', 'yes', 'maybe', 'no', 'yes', 'no', 'maybe'];
  const train = labels.map((label, i) => labeled(`q${i}`, label));

  it('matches HELM for seeds 0, 1 and 2', () => {
    expect(ids(sampleExamples(train, k5, 0))).toEqual(['q4', 'q1', 'q7', 'q6', 'q5']);
    expect(ids(sampleExamples(train, k5, 1))).toEqual(['q5', 'q0', 'q7', 'q1', 'q6']);
    expect(ids(sampleExamples(train, k5, 2))).toEqual(['q1', 'q0', 'q7', 'q2', 'q6']);
  });

  it('matches HELM on simple_mcqa’s train set (Even×6, Odd×5): Even first', () => {
    const mcqa: Instance[] = Array.from({ length: 11 }, (_, j) => {
      const n = 10 + j;
      return {
        id: String(n),
        input: { text: `Is ${n} even or odd?` },
        references: [reference('Even', n % 2 === 0), reference('Odd', n % 2 === 1)],
        split: 'train',
      };
    });
    expect(ids(sampleExamples(mcqa, k5, 0))).toEqual(['16', '17', '10', '15', '20']);
  });

  it('takes the most common label first (HELM test_multiple_choice_joint_adapter.py: test_sample_examples)', () => {
    const texts = ['no', 'yes1', 'yes2', 'yes3', 'yes4'];
    const yesNo = texts.map((t) => ({ ...labeled(t, t.startsWith('yes') ? 'yes' : 'no'), input: { text: `say ${t}` } }));
    const examples = sampleExamples(yesNo, adapterSpec({ max_train_instances: 4 }), 0);
    expect(examples.map((e) => e.input.text)).toEqual(['say yes4', 'say no', 'say yes1', 'say yes3']);
  });

  it('picks the 5 train examples of the golden MMLU run, in its prompt order', () => {
    const { train: mmluTrain } = goldenMmluInstances();
    const examples = sampleExamples(mmluTrain, goldenMmluState().spec, 0);
    expect(ids(examples)).toEqual(['id3', 'id4', 'id2', 'id1', 'id0']);
    expect(examples[0]!.input.text).toBe('Which structure lies immediately adjacent to the sinus, in the cell valve fossa region?');
  });

  it('is pure: the same trial gives the same examples, and does not touch the train list', () => {
    const before = ids(train);
    expect(sampleExamples(train, k5, 3)).toEqual(sampleExamples(train, k5, 3));
    expect(ids(train)).toEqual(before);
  });

  it('takes every train instance when there are fewer than max_train_instances', () => {
    expect(sampleExamples(train.slice(0, 3), k5, 0)).toHaveLength(3);
  });

  it('takes nothing with max_train_instances=0', () => {
    expect(sampleExamples(train, adapterSpec({ max_train_instances: 0 }), 0)).toEqual([]);
  });

  it('slices consecutively per trial with sample_train=False', () => {
    const spec = adapterSpec({ max_train_instances: 3, sample_train: false });
    expect(ids(sampleExamples(train, spec, 0))).toEqual(['q0', 'q1', 'q2']);
    expect(ids(sampleExamples(train, spec, 1))).toEqual(['q3', 'q4', 'q5']);
    expect(ids(sampleExamples(train, spec, 2))).toEqual(['q6', 'q7']);
    expect(ids(sampleExamples(train, spec, 3))).toEqual([]);
  });

  it('stops the round-robin at an empty-string label and fills the rest from unlabeled instances', () => {
    // '' is falsy in Python (`if not next_label: break`). 'a' (count 2) comes before '' (count 1).
    const withEmpty = [labeled('a0', 'a'), labeled('a1', 'a'), labeled('e0', ''), ...['u0', 'u1', 'u2', 'u3'].map(unlabeled)];
    const examples = ids(sampleExamples(withEmpty, k5, 0));
    expect(examples).toHaveLength(5);
    expect(examples[0]).toMatch(/^a[01]$/);
    expect(examples.slice(1).sort()).toEqual(['u0', 'u1', 'u2', 'u3']);
  });

  it('throws a UserError where HELM raises ValueError (too few unlabeled instances after an empty label)', () => {
    const withEmpty = [labeled('a0', 'a'), labeled('a1', 'a'), labeled('e0', ''), unlabeled('u0')];
    expect(() => sampleExamples(withEmpty, k5, 0)).toThrow(UserError);
    expect(() => sampleExamples(withEmpty, k5, 0)).toThrow(/Sample larger than population/);
  });

  it('uses only unlabeled instances when no instance has a correct reference', () => {
    const none = ['u0', 'u1', 'u2', 'u3'].map(unlabeled);
    expect(ids(sampleExamples(none, k5, 0)).sort()).toEqual(['u0', 'u1', 'u2', 'u3']);
  });

  it('throws a UserError where HELM loops forever (labeled instances run out, unlabeled ones needed)', () => {
    const mixed = [labeled('a0', 'a'), labeled('b0', 'b'), unlabeled('u0'), unlabeled('u1')];
    expect(() => sampleExamples(mixed, adapterSpec({ max_train_instances: 3 }), 0)).toThrow(UserError);
    expect(() => sampleExamples(mixed, adapterSpec({ max_train_instances: 3 }), 0)).toThrow(/loops forever/);
    expect(ids(sampleExamples(mixed, adapterSpec({ max_train_instances: 2 }), 0)).sort()).toEqual(['a0', 'b0']);
  });
});
