import { describe, expect, it } from 'vitest';
import { adapterSpec } from '../../../core/adapter-spec.ts';
import type { Instance } from '../../../core/instance.ts';
import { gpt2Tokenizer } from '../../request/tokenizers/huggingface-gpt2.ts';
import { simpleTokenizer } from '../../request/tokenizers/simple-tokenizer.ts';
import { createAdapter } from '../adapt.ts';
import { localWindowService, type LocalWindowServiceOptions } from '../window-service.ts';
import { languageModeling } from './language-modeling.ts';

const gpt2 = gpt2Tokenizer('huggingface/gpt2');
const gpt2Window = (options: Partial<LocalWindowServiceOptions>) =>
  localWindowService({ tokenizerName: 'huggingface/gpt2', tokenizer: gpt2, maxSequenceLength: 1024, maxRequestLength: 1025, prefixToken: '<|endoftext|>', ...options });
const spec = adapterSpec({ method: 'language_modeling', input_prefix: '', output_prefix: '', max_tokens: 0, model: 'openai/gpt2', model_deployment: 'huggingface/gpt2' });
const document = (text: string): Instance => ({ id: 'id0', input: { text }, references: [], split: 'test' });
const prompts = (windowService = gpt2Window({}), text = '', adapter = spec) =>
  languageModeling(adapter, windowService).requestsFor(document(text), 0, []);

// HELM v0.5.16 adaptation/adapters/test_language_modeling_adapter.py
describe('language_modeling', () => {
  it('cuts a long document into windows, each conditioned on the tokens before it (test_prompt_wrapping)', () => {
    const text = Array.from({ length: 25 }, (_, i) => String(i)).join(' ');
    const states = prompts(gpt2Window({ maxSequenceLength: 10, maxRequestLength: 11 }), text);
    expect(states.map((state) => state.request.prompt)).toEqual([
      '<|endoftext|>0 1 2 3 4 5 6 7 8 9',
      ' 9 10 11 12 13 14 15 16 17 18 19',
      ' 14 15 16 17 18 19 20 21 22 23 24',
    ]);
    expect(states.map((state) => state.num_conditioning_tokens)).toEqual([1, 1, 6]);
    expect(states[0]!.request).toMatchObject({ echo_prompt: true, max_tokens: 0, temperature: 0, num_completions: 1 });
  });

  it('keeps the first window within max_request_length (test_fits_tokens_within_context_window)', () => {
    const [first] = prompts(gpt2Window({}), 'The' + ' the'.repeat(2048));
    expect(first!.request.prompt).toBe('<|endoftext|>The' + ' the'.repeat(1023));
  });

  it('strips the halves of a character cut by a window edge and recounts the conditioning tokens', () => {
    // ’ is two GPT-2 byte tokens (447, 247): the second window ends between them ("Excuse me\uFFFD").
    const states = prompts(gpt2Window({ maxSequenceLength: 3, maxRequestLength: 4 }), '’Excuse me’');
    expect(states.map((state) => [state.request.prompt, state.num_conditioning_tokens])).toEqual([
      ['<|endoftext|>’Exc', 1],
      ['Excuse me', 1],
      ['use me’', 3],
    ]);
  });

  it('leaves room for max_tokens under max_sequence_and_generated_tokens_length (test_prompt_truncated)', () => {
    const claude = gpt2Window({ maxSequenceLength: 8000, maxRequestLength: 8000, maxSequenceAndGeneratedTokensLength: 9016 });
    const long = 'Excuse me, do you have the time? '.repeat(1000);
    const withOutput = adapterSpec({ ...spec, max_tokens: 2000 });
    expect(prompts(claude, 'Excuse me, do you have the time?', withOutput)[0]!.request.prompt).toBe('<|endoftext|>Excuse me, do you have the time?');
    expect(gpt2.encode(prompts(claude, long)[0]!.request.prompt)).toHaveLength(8000);
    const [first] = prompts(claude, long, withOutput);
    expect(gpt2.encode(first!.request.prompt)).toHaveLength(9016 - 2000);
    expect(first!.request.max_tokens).toBe(2000);
  });

  it("counts a prefix token of several tokens as one conditioning token, and as HELM skips the tokens fitting dropped", () => {
    // simple/model1: the prefix "<s>" is 3 tokens (one per character), so the first window holds 2045 document
    // tokens, yet counts 2048 as predicted: the second window starts at token 2048 (as in the the-pile golden).
    const simple = localWindowService({ tokenizerName: 'simple/tokenizer1', tokenizer: simpleTokenizer(), maxSequenceLength: 2048, prefixToken: '<s>' });
    const text = 'a'.repeat(2045) + 'bcd' + 'e'.repeat(10);
    const states = prompts(simple, text);
    expect(states).toHaveLength(2);
    expect(states[0]!.request.prompt).toBe('<s>' + 'a'.repeat(2045));
    expect(states[0]!.num_conditioning_tokens).toBe(1);
    expect(states[1]!.request.prompt).toBe('a'.repeat(2035) + 'bcd' + 'e'.repeat(10));
    expect(states[1]!.num_conditioning_tokens).toBe(2038);
  });

  it('passes the spec random to the first window only, and adapts once whatever the trials', () => {
    const seeded = adapterSpec({ ...spec, random: 'r', num_train_trials: 2, num_trials: 2 });
    const states = prompts(gpt2Window({ maxSequenceLength: 10, maxRequestLength: 11 }), '0 1 2 3 4 5 6 7 8 9 10 11', seeded);
    expect(states.map((state) => state.request.random)).toEqual(['r', undefined]);
    const adapter = createAdapter(seeded, gpt2Window({}));
    expect(adapter.requestsFor(document('x'), 0, [])).toHaveLength(1);
    expect(adapter.requestsFor(document('x'), 1, [])).toEqual([]);
    expect(adapter.requestsFor(document('x'), 0, [], 1)).toEqual([]);
  });
});
