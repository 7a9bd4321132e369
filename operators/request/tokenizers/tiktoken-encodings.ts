/**
 * @module tiktoken's encodings (`tiktoken_ext/openai_public.py`): which bundled rank table, the split pattern and
 * tiktoken's own special tokens (gpt-tokenizer's differ: it adds chat tokens and numbers o200k's otherwise).
 */
import type { BpeCodecOptions } from './bpe-codec.ts';

// tiktoken's patterns run on Rust's regex engine, whose `\s` is Unicode White_Space: it has U+0085 and lacks
// U+FEFF, unlike JavaScript's `\s`. So `\s` is spelled out. Possessive quantifiers (`?+`, `++`) become
// greedy ones, which match the same here: no alternative can succeed by backtracking into them.
const WS = String.raw`\t-\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000`;
const SPACE = `[${WS}]`;
const NOT_SPACE = `[^${WS}]`;

/** `'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+` (gpt2, r50k, p50k). */
const R50K_PATTERN = String.raw`'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^${WS}\p{L}\p{N}]+|${SPACE}+(?!${NOT_SPACE})|${SPACE}+`;

// `(?i:…)` of the Rust patterns, case-folded by hand (Node 20 has no scoped `i`); `s` folds with `ſ` too.
const CL100K_CONTRACTION = String.raw`'(?:[sSſdDmMtT]|[lL][lL]|[vV][eE]|[rR][eE])`;
const O200K_CONTRACTION = String.raw`(?:'(?:[sSſ]|[tT]|[rR][eE]|[vV][eE]|[mM]|[lL][lL]|[dD]))?`;

/** tiktoken ≥ 0.7's cl100k pattern (equivalent to the earlier `\s*[\r\n]+` form). */
const CL100K_PATTERN = [
  CL100K_CONTRACTION,
  String.raw`[^\r\n\p{L}\p{N}]?\p{L}+`,
  String.raw`\p{N}{1,3}`,
  String.raw` ?[^${WS}\p{L}\p{N}]+[\r\n]*`,
  `${SPACE}+$`,
  String.raw`${SPACE}*[\r\n]`,
  `${SPACE}+(?!${NOT_SPACE})`,
  SPACE,
].join('|');

const UPPER = String.raw`[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]`;
const LOWER = String.raw`[\p{Ll}\p{Lm}\p{Lo}\p{M}]`;
const O200K_PATTERN = [
  String.raw`[^\r\n\p{L}\p{N}]?${UPPER}*${LOWER}+${O200K_CONTRACTION}`,
  String.raw`[^\r\n\p{L}\p{N}]?${UPPER}+${LOWER}*${O200K_CONTRACTION}`,
  String.raw`\p{N}{1,3}`,
  String.raw` ?[^${WS}\p{L}\p{N}]+[\r\n/]*`,
  String.raw`${SPACE}*[\r\n]+`,
  `${SPACE}+(?!${NOT_SPACE})`,
  `${SPACE}+`,
].join('|');

const ENDOFTEXT = '<|endoftext|>';
const FIM_PREFIX = '<|fim_prefix|>';
const FIM_MIDDLE = '<|fim_middle|>';
const FIM_SUFFIX = '<|fim_suffix|>';
const ENDOFPROMPT = '<|endofprompt|>';

const O200K_SPECIAL: [string, number][] = [
  [ENDOFTEXT, 199_999],
  [ENDOFPROMPT, 200_018],
];

/** o200k_harmony: o200k's tokens, the harmony chat tokens, and reserved tokens up to 201087. */
function harmonySpecialTokens(): Map<string, number> {
  const named: [string, number][] = [
    ['<|startoftext|>', 199_998],
    [ENDOFTEXT, 199_999],
    ['<|return|>', 200_002],
    ['<|constrain|>', 200_003],
    ['<|channel|>', 200_005],
    ['<|start|>', 200_006],
    ['<|end|>', 200_007],
    ['<|message|>', 200_008],
    ['<|call|>', 200_012],
  ];
  const reserved = [200_000, 200_001, 200_004, 200_009, 200_010, 200_011];
  for (let id = 200_013; id < 201_088; id++) reserved.push(id);
  return new Map([...O200K_SPECIAL, ...named, ...reserved.map((id): [string, number] => [`<|reserved_${id}|>`, id])]);
}

/** The encodings of `tiktoken.get_encoding(name)`, by name. */
export const tiktokenEncodings = {
  gpt2: { ranks: 'r50k_base', pattern: R50K_PATTERN, specialTokens: new Map([[ENDOFTEXT, 50_256]]) },
  r50k_base: { ranks: 'r50k_base', pattern: R50K_PATTERN, specialTokens: new Map([[ENDOFTEXT, 50_256]]) },
  p50k_base: { ranks: 'p50k_base', pattern: R50K_PATTERN, specialTokens: new Map([[ENDOFTEXT, 50_256]]) },
  p50k_edit: {
    ranks: 'p50k_base',
    pattern: R50K_PATTERN,
    specialTokens: new Map([
      [ENDOFTEXT, 50_256],
      [FIM_PREFIX, 50_281],
      [FIM_MIDDLE, 50_282],
      [FIM_SUFFIX, 50_283],
    ]),
  },
  cl100k_base: {
    ranks: 'cl100k_base',
    pattern: CL100K_PATTERN,
    specialTokens: new Map([
      [ENDOFTEXT, 100_257],
      [FIM_PREFIX, 100_258],
      [FIM_MIDDLE, 100_259],
      [FIM_SUFFIX, 100_260],
      [ENDOFPROMPT, 100_276],
    ]),
  },
  o200k_base: { ranks: 'o200k_base', pattern: O200K_PATTERN, specialTokens: new Map(O200K_SPECIAL) },
  o200k_harmony: { ranks: 'o200k_base', pattern: O200K_PATTERN, specialTokens: harmonySpecialTokens() },
} as const satisfies Record<string, BpeCodecOptions>;

export type TiktokenEncodingName = keyof typeof tiktokenEncodings;
