import { describe, expect, it } from 'vitest';
import { adapterSpec } from '../../core/adapter-spec.ts';
import { UserError } from '../../core/errors.ts';
import { reference, type Instance } from '../../core/instance.ts';
import { pyFloat } from '../../core/py-float.ts';
import { simpleTokenizer } from '../request/tokenizers/simple-tokenizer.ts';
import { goldenMmluInstances, goldenMmluState } from './__fixtures__/golden-mmlu.ts';
import { createAdapter, trialCopy } from './adapt.ts';
import { IMPLEMENTED_METHODS } from './adapters/registry.ts';
import { sampleExamples } from './in-context-sample.ts';
import { localWindowService } from './window-service.ts';

const simpleModel1 = () =>
  localWindowService({ tokenizerName: 'simple/tokenizer1', tokenizer: simpleTokenizer(), maxSequenceLength: 2048 });
const json = (x: unknown): unknown => JSON.parse(JSON.stringify(x));

describe('createAdapter on the golden MMLU anatomy run (HELM 0.5.16, simple/model1)', () => {
  const { train, test } = goldenMmluInstances();
  const { spec, states } = goldenMmluState();
  const adapter = createAdapter(spec, simpleModel1());
  const examples = sampleExamples(train, spec, 0);
  const byId = new Map(test.map((instance) => [instance.id, instance]));

  it('writes the prompt of id33 byte for byte', () => {
    const [state] = adapter.requestsFor(byId.get('id33')!, 0, examples);
    expect(state!.request.prompt).toBe(
      'The following are multiple choice questions (with answers) about anatomy.\n\n' +
        'Question: Which structure lies immediately adjacent to the sinus, in the cell valve fossa region?\n' +
        'A. femur vertebra tendon membrane a\nB. fossa b\nC. medulla cranium pleura ulna c\n' +
        'D. cell vertebra tissue humerus valve bone d\nAnswer: B\n\n' +
        'Question: Which of the following best describes the artery abdomen?\n' +
        'A. cartilage humerus tibia chamber bone a\nB. gland b\nC. lobe c\nD. foramen pelvis cortex thorax d\nAnswer: D\n\n' +
        'Question: Which of the following best describes the thorax tissue nerve?\n' +
        'A. tendon fossa tissue a\nB. artery duct vertebra artery b\nC. tibia tissue c\nD. artery medulla ulna canal d\nAnswer: D\n\n' +
        'Question: Which of the following best describes the process chamber bone?\n' +
        'A. cartilage foramen artery vertebra bone a\nB. ulna vertebra pelvis pleura b\n' +
        'C. nerve foramen bone muscle radius c\nD. medulla cell vein bone d\nAnswer: B\n\n' +
        'Question: Which structure lies immediately adjacent to the muscle, in the artery region? (note: "quoted", with comma)\n' +
        'A. cartilage ligament ulna pelvis nerve nerve a\nB. ulna b\nC. chamber tissue cartilage membrane c\nD. foramen d\nAnswer: B\n\n' +
        'Question: Which structure lies immediately adjacent to the medulla, in the duct region? (note: "quoted", with comma)\n' +
        'A. abdomen a\nB. bone bone fossa cortex cortex b\nC. artery vein muscle nerve c\n' +
        'D. abdomen tendon medulla vertebra foramen abdomen d\nAnswer:',
    );
    expect(state!.request.prompt).toBe(states[0]!.request.prompt);
  });

  it('makes every golden request state, field for field (result aside)', () => {
    expect(states).toHaveLength(10);
    for (const golden of states) {
      const { result: _result, ...expected } = golden;
      const made = adapter.requestsFor(byId.get(golden.instance.id)!, 0, examples);
      expect(made).toHaveLength(1);
      expect(json(made[0])).toEqual(expected);
    }
  });
});

describe('createAdapter on simple_mcqa (reference §5.2, §10.1)', () => {
  const spec = adapterSpec({
    method: 'multiple_choice_joint',
    instructions: 'Answer the following questions with a single letter only.\n',
    input_prefix: 'Question: ',
    output_prefix: 'Answer: ',
    max_tokens: 5,
    temperature: pyFloat(0),
    stop_sequences: ['\n'],
    model: 'simple/model1',
    model_deployment: 'simple/model1',
  });
  const question = (n: number, split: 'train' | 'test'): Instance => ({
    id: `n${n}`,
    input: { text: `Is ${n} even or odd?` },
    references: [reference('Even', n % 2 === 0), reference('Odd', n % 2 === 1)],
    split,
  });
  const train = Array.from({ length: 11 }, (_, i) => question(10 + i, 'train'));
  const examples = sampleExamples(train, spec, 0);
  const block = (n: number) => `Question: Is ${n} even or odd?\nA. Even\nB. Odd\nAnswer: ${n % 2 === 0 ? 'A' : 'B'}\n`;

  it('writes the verified prompt shape, examples 16, 17, 10, 15, 20', () => {
    const [state] = createAdapter(spec, simpleModel1()).requestsFor(question(70, 'test'), 0, examples);
    expect(state!.request.prompt).toBe(
      'Answer the following questions with a single letter only.\n\n' +
        [16, 17, 10, 15, 20].map(block).join('\n') +
        '\nQuestion: Is 70 even or odd?\nA. Even\nB. Odd\nAnswer:',
    );
    // The dry run's num_prompt_tokens: 385 per eval instance.
    expect(simpleModel1().countTokens(state!.request.prompt)).toBe(385);
    expect(state!.output_mapping).toEqual({ A: 'Even', B: 'Odd' });
    expect(state!.request.stop_sequences).toEqual([]);
    expect(state!.request.top_k_per_token).toBe(5);
    expect(state!.request.max_tokens).toBe(5);
  });

  it('gives repetition i of num_trials the copy whose request.random is "i"', () => {
    const adapter = createAdapter({ ...spec, num_trials: 3, random: 'r' }, simpleModel1());
    const states = [0, 1, 2].flatMap((i) => adapter.requestsFor(question(70, 'test'), 0, examples, i));
    expect(states.map((s) => s.request.random)).toEqual(['r', '1', '2']);
    expect(new Set(states.map((s) => s.request.prompt)).size).toBe(1);
    expect(states[1]).toEqual(trialCopy(states[0]!, 1));
    expect(Object.keys(states[1]!.request).at(-1)).toBe('random');
  });

  it('leaves request.random out when neither the spec nor a trial sets it', () => {
    const [state] = createAdapter(spec, simpleModel1()).requestsFor(question(70, 'test'), 0, examples);
    expect('random' in state!.request).toBe(false);
    expect('reference_index' in state!).toBe(false);
    expect('request_mode' in state!).toBe(false);
  });
});

describe('createAdapter validation', () => {
  it('names an unimplemented method and the implemented ones', () => {
    const create = () => createAdapter(adapterSpec({ method: 'ehr_instruction' }), simpleModel1());
    expect(create).toThrow(UserError);
    expect(create).toThrow(/'ehr_instruction' is not implemented yet\. Implemented methods: generation, multiple_choice_joint, chat, language_modeling/);
    expect(IMPLEMENTED_METHODS).toEqual(
      expect.arrayContaining(['generation', 'multiple_choice_joint', 'language_modeling', 'multiple_choice_separate_original', 'multiple_choice_separate_calibrated']),
    );
  });

  it('names an unknown method with close matches', () => {
    const create = () => createAdapter({ ...adapterSpec({}), method: 'generaton' as 'generation' }, simpleModel1());
    expect(create).toThrow(/Unknown adaptation method 'generaton'. Did you mean: generation/);
    expect(() => createAdapter(adapterSpec({}), simpleModel1())).toThrow(UserError);
  });

  it('rejects an invalid substitution before any instance', () => {
    const spec = adapterSpec({ method: 'generation', substitutions: [{ source: '(', target: 'x' }] });
    expect(() => createAdapter(spec, simpleModel1())).toThrow(UserError);
  });
});
