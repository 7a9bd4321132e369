import { describe, expect, it } from 'vitest';
import { adapterSpec } from '../../core/adapter-spec.ts';
import { simpleTokenizer } from '../request/tokenizers/simple-tokenizer.ts';
import { fitPrompt } from './fit-window.ts';
import { promptRenderer } from './prompt.ts';
import { localWindowService, noTokenizerWindowService } from './window-service.ts';

const window = (maxSequenceLength: number) =>
  localWindowService({ tokenizerName: 'simple/tokenizer1', tokenizer: simpleTokenizer(), maxSequenceLength });
const render = promptRenderer(adapterSpec({}));
// Each train block is 4 code points; joined with "\n": k blocks + eval "EVAL" = 5k + 4.
const blocks = { trainBlocks: ['aaa\n', 'bbb\n', 'ccc\n'], evalBlock: 'EVAL' };

// HELM v0.5.16 in_context_learning_adapter.py: _make_prompt_fit
describe('fitPrompt', () => {
  it('keeps every example when the prompt plus max_tokens fits', () => {
    expect(fitPrompt(blocks, render, window(20), 1)).toEqual({
      text: 'aaa\n\nbbb\n\nccc\n\nEVAL',
      numTrainInstances: 3,
      isTruncated: false,
    });
  });

  it('drops the LAST example first, one at a time, counting max_tokens against the window', () => {
    expect(fitPrompt(blocks, render, window(19), 1)).toEqual({ text: 'aaa\n\nbbb\n\nEVAL', numTrainInstances: 2, isTruncated: false });
    expect(fitPrompt(blocks, render, window(15), 1)).toEqual({ text: 'aaa\n\nbbb\n\nEVAL', numTrainInstances: 2, isTruncated: false });
    expect(fitPrompt(blocks, render, window(14), 1)).toEqual({ text: 'aaa\n\nEVAL', numTrainInstances: 1, isTruncated: false });
    expect(fitPrompt(blocks, render, window(9), 5)).toEqual({ text: 'EVAL', numTrainInstances: 0, isTruncated: false });
  });

  it('truncates from the right only once no example is left', () => {
    expect(fitPrompt(blocks, render, window(6), 3)).toEqual({ text: 'EVA', numTrainInstances: 0, isTruncated: true });
  });

  it('counts an astral character as one token and never splits it', () => {
    const astral = { trainBlocks: ['𝔸𝔸\n'], evalBlock: '𝔹𝔹𝔹' };
    expect(fitPrompt(astral, render, window(8), 1)).toEqual({ text: '𝔸𝔸\n\n𝔹𝔹𝔹', numTrainInstances: 1, isTruncated: false });
    expect(fitPrompt(astral, render, window(3), 1)).toEqual({ text: '𝔹𝔹', numTrainInstances: 0, isTruncated: true });
  });

  it('counts tokens of the substituted prompt', () => {
    const semicolons = promptRenderer(adapterSpec({ substitutions: [{ source: '\n', target: ';\n' }] }));
    // 'aaa;\n;\nEVAL' is 11 code points; without the substitution it would be 9.
    expect(fitPrompt({ trainBlocks: ['aaa\n'], evalBlock: 'EVAL' }, semicolons, window(11), 0).numTrainInstances).toBe(1);
    expect(fitPrompt({ trainBlocks: ['aaa\n'], evalBlock: 'EVAL' }, semicolons, window(10), 0).numTrainInstances).toBe(0);
  });

  it('reports a cut to "" as truncated but sends the whole text, as HELM’s Prompt.text does', () => {
    expect(fitPrompt({ trainBlocks: [], evalBlock: 'EVAL' }, render, window(3), 3)).toEqual({
      text: 'EVAL',
      numTrainInstances: 0,
      isTruncated: true,
    });
  });

  it('keeps everything with the no-tokenizer window service', () => {
    expect(fitPrompt(blocks, render, noTokenizerWindowService(), 10_000).numTrainInstances).toBe(3);
  });

  it('reproduces HELM’s test_construct_prompt_with_truncation shape: examples removed before the eval input', () => {
    const many = { trainBlocks: Array.from({ length: 100 }, () => 'train\n'), evalBlock: 'eval'.repeat(2049) };
    const fitted = fitPrompt(many, render, window(2048), 100);
    expect(fitted.text).not.toContain('train');
    expect(fitted.text).toBe('eval'.repeat(487));
    expect(fitted.isTruncated).toBe(true);
  });
});
