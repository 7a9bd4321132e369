import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.ts';

describe('canonicalJson', () => {
  it('sorts keys and uses Python separators, as HELM cache keys do', () => {
    expect(canonicalJson({ prompt: 'a b', num_completions: 1, engine: 'model1' })).toBe(
      '{"engine": "model1", "num_completions": 1, "prompt": "a b"}',
    );
  });
  it('escapes non-ASCII like ensure_ascii', () => {
    expect(canonicalJson({ k: ['é', '𝔸'] })).toBe('{"k": ["\\u00e9", "\\ud835\\udd38"]}');
  });
});
