import { describe, expect, it } from 'vitest';
import { adapterSpec } from '../../core/adapter-spec.ts';
import { UserError } from '../../core/errors.ts';
import { promptRenderer } from './prompt.ts';

const blocks = { trainBlocks: ['Input: 1\nOutput: one\n', 'Input: 2\nOutput: two\n'], evalBlock: 'Input: 3\nOutput:' };

// HELM v0.5.16 adaptation/prompt.py: Prompt.text
describe('promptRenderer', () => {
  it('joins instructions, train blocks and the eval block with instance_prefix', () => {
    const render = promptRenderer(adapterSpec({ instructions: 'Count.\n' }));
    expect(render(blocks)).toBe('Count.\n\nInput: 1\nOutput: one\n\nInput: 2\nOutput: two\n\nInput: 3\nOutput:');
  });

  it('leaves an empty instructions block out, and renders a lone eval block', () => {
    const render = promptRenderer(adapterSpec({}));
    expect(render({ trainBlocks: [], evalBlock: 'Input: 3\nOutput:' })).toBe('Input: 3\nOutput:');
  });

  it('uses a custom instance_prefix between every block', () => {
    const render = promptRenderer(adapterSpec({ instructions: 'I', instance_prefix: '###\n' }));
    expect(render(blocks)).toBe('I###\nInput: 1\nOutput: one\n###\nInput: 2\nOutput: two\n###\nInput: 3\nOutput:');
  });

  it('wraps the text in global_prefix and global_suffix', () => {
    const render = promptRenderer(adapterSpec({ global_prefix: '<s>', global_suffix: '</s>' }));
    expect(render({ trainBlocks: [], evalBlock: 'Q' })).toBe('<s>Q</s>');
  });

  it('applies substitutions in order to the whole text, prefixes included', () => {
    const render = promptRenderer(
      adapterSpec({
        global_prefix: 'P\n',
        substitutions: [
          { source: '\n', target: ';\n' },
          { source: ';', target: '<br>' },
        ],
      }),
    );
    expect(render({ trainBlocks: ['a\n'], evalBlock: 'b' })).toBe('P<br>\na<br>\n<br>\nb');
  });

  it('reads substitution targets as Python replacement templates', () => {
    const render = promptRenderer(adapterSpec({ substitutions: [{ source: '(\\d+)', target: '<\\1>\\n' }] }));
    expect(render({ trainBlocks: [], evalBlock: 'x 12 y' })).toBe('x <12>\n y');
  });

  it('rejects a substitution Python would reject, when the renderer is made', () => {
    expect(() => promptRenderer(adapterSpec({ substitutions: [{ source: 'a', target: '\\d' }] }))).toThrow(UserError);
  });
});
