/**
 * @module spaCy's English tokenizer (`spacy/tokenizer.pyx`, the tokenizer of en_core_web_sm that summ_eval's
 * DataStatsMetric runs for HELM), re-done over spaCy's own rules, exported to `configs/spacy-en-tokenizer.json`:
 * the text is cut at whitespace (a single space after a token is that token's; other whitespace becomes tokens of
 * its own), each chunk loses prefixes and suffixes until a special case or nothing matches, its rest is split at
 * infixes unless it is a special case or a URL, and a last pass retokenizes the special cases that only show up
 * across the first pass's tokens (":)" inside "(:)", "a.m." before ")").
 */
import { readFileSync } from 'node:fs';
import { pythonPatternSource } from '../../core/python-pattern.ts';
import { PY_SPACE_CHARS } from '../../core/python-text.ts';

const RULES_PATH = new URL('../../configs/spacy-en-tokenizer.json', import.meta.url);

interface SpacyRules {
  readonly prefix_search: string;
  readonly suffix_search: string;
  readonly infix_finditer: string;
  readonly token_match: string | null;
  readonly url_match: string | null;
  readonly faster_heuristics: boolean;
  readonly special_cases: Readonly<Record<string, readonly string[]>>;
}

/** One token of the first pass: its text, and whether a single space follows it (spaCy's `spacy` flag). */
interface Token {
  readonly text: string;
  spacy: boolean;
}

const IS_SPACE = new RegExp(`[${PY_SPACE_CHARS}]`);
const CACHE_SIZE = 10_000;

/** Splits a text into spaCy's token texts, whitespace tokens included (`[t.text for t in nlp(text)]`). */
export type SpacyTokenize = (text: string) => string[];

/**
 * Builds the tokenizer from the rules file (read once per call of this factory). The tokenizer is pure apart from its
 * cache of the tokens of up to 10,000 distinct whitespace-separated chunks.
 * @example spacyEnglishTokenizer()("Mr. Smith can't go.") // ['Mr.', 'Smith', 'ca', "n't", 'go', '.']
 */
export function spacyEnglishTokenizer(rulesPath: URL | string = RULES_PATH): SpacyTokenize {
  const rules = JSON.parse(readFileSync(rulesPath, 'utf8')) as SpacyRules;
  const compile = (pattern: string | null, flags: string): RegExp | undefined =>
    pattern === null ? undefined : new RegExp(pythonPatternSource(pattern), flags);
  // Every prefix alternative starts with `^`: a sticky match at 0 says the same without trying later positions.
  const prefixSearch = compile(rules.prefix_search, 'uy')!;
  const suffixSearch = compile(rules.suffix_search, 'u')!;
  const infixPattern = compile(rules.infix_finditer, 'gu')!;
  const tokenMatch = compile(rules.token_match, 'u');
  const urlMatch = compile(rules.url_match, 'u');
  const specials = new Map(Object.entries(rules.special_cases));

  const findPrefix = (s: string): number => {
    prefixSearch.lastIndex = 0;
    return prefixSearch.exec(s)?.[0].length ?? 0;
  };
  const findSuffix = (s: string): number => suffixSearch.exec(s)?.[0].length ?? 0;
  const findInfixes = (s: string): RegExpMatchArray[] => [...s.matchAll(infixPattern)];
  const isTokenMatch = (s: string): boolean => tokenMatch?.test(s) ?? false;
  const isUrlMatch = (s: string): boolean => urlMatch?.test(s) ?? false;
  const special = (s: string, withSpecials: boolean): readonly string[] | undefined => (withSpecials ? specials.get(s) : undefined);

  /** `_split_affixes`: strips prefixes and suffixes off a chunk; returns what is left between them. */
  function splitAffixes(chunk: string, prefixes: string[], suffixes: string[], withSpecials: boolean): string {
    let rest = chunk;
    let lastSize = -1;
    while (rest !== '' && rest.length !== lastSize) {
      if (isTokenMatch(rest) || special(rest, withSpecials) !== undefined) break;
      lastSize = rest.length;
      const preLen = findPrefix(rest);
      if (preLen !== 0 && rest.length > preLen && special(rest.slice(preLen), withSpecials) !== undefined) {
        prefixes.push(rest.slice(0, preLen));
        rest = rest.slice(preLen);
        break;
      }
      const sufLen = findSuffix(rest.slice(preLen));
      if (sufLen !== 0 && rest.length > sufLen && special(rest.slice(0, -sufLen), withSpecials) !== undefined) {
        suffixes.push(rest.slice(-sufLen));
        rest = rest.slice(0, -sufLen);
        break;
      }
      if (preLen !== 0 && sufLen !== 0 && preLen + sufLen <= rest.length) {
        prefixes.push(rest.slice(0, preLen));
        suffixes.push(rest.slice(-sufLen));
        rest = rest.slice(preLen, -sufLen);
      } else if (preLen !== 0) {
        prefixes.push(rest.slice(0, preLen));
        rest = rest.slice(preLen);
      } else if (sufLen !== 0) {
        suffixes.push(rest.slice(-sufLen));
        rest = rest.slice(0, -sufLen);
      }
    }
    return rest;
  }

  /** `_attach_tokens`: the prefixes, the middle (a special case, a URL, or split at its infixes), the suffixes reversed. */
  function attachTokens(tokens: Token[], middle: string, prefixes: readonly string[], suffixes: readonly string[], withSpecials: boolean): void {
    const push = (text: string): number => tokens.push({ text, spacy: false });
    prefixes.forEach(push);
    const specialTokens = special(middle, withSpecials);
    if (middle === '') {
      // nothing between the affixes
    } else if (specialTokens !== undefined) specialTokens.forEach(push);
    else if (isTokenMatch(middle) || isUrlMatch(middle)) push(middle);
    else {
      let start = 0;
      for (const match of findInfixes(middle)) {
        const infixStart = match.index!;
        const infixEnd = infixStart + match[0].length;
        if (infixStart === 0) continue; // an infix at the very start is no split point
        if (infixStart !== start) push(middle.slice(start, infixStart));
        if (infixStart !== infixEnd) push(middle.slice(infixStart, infixEnd));
        start = infixEnd;
      }
      if (start < middle.length) push(middle.slice(start));
    }
    [...suffixes].reverse().forEach(push);
  }

  // The tokens of chunks already seen (a chunk's tokens depend on its text alone), at most CACHE_SIZE of them, as
  // spaCy keeps its own cache: words repeat, and the affix patterns are long.
  const cache = new Map<string, readonly string[]>();

  /** `_tokenize_affixes`: whitespace first, then each chunk (a special case as a whole, or affixes and infixes). */
  function tokenizeAffixes(text: string, withSpecials: boolean): Token[] {
    const tokens: Token[] = [];
    const chunk = (span: string): void => {
      const cached = withSpecials ? cache.get(span) : undefined;
      if (cached !== undefined) {
        for (const text of cached) tokens.push({ text, spacy: false });
        return;
      }
      const first = tokens.length;
      const whole = special(span, withSpecials);
      if (whole !== undefined) for (const text of whole) tokens.push({ text, spacy: false });
      else {
        const prefixes: string[] = [];
        const suffixes: string[] = [];
        const middle = splitAffixes(span, prefixes, suffixes, withSpecials);
        attachTokens(tokens, middle, prefixes, suffixes, withSpecials);
      }
      if (withSpecials && cache.size < CACHE_SIZE) cache.set(span, tokens.slice(first).map((t) => t.text));
    };
    if (text === '') return tokens;
    let inSpace = IS_SPACE.test(text[0]!);
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!;
      if (IS_SPACE.test(ch) === inSpace) continue;
      if (start < i) chunk(text.slice(start, i));
      if (ch === ' ') {
        tokens[tokens.length - 1]!.spacy = true;
        start = i + 1;
      } else start = i;
      inSpace = !inSpace;
    }
    if (start < text.length) chunk(text.slice(start));
    return tokens;
  }

  // The special cases the first pass can miss (they hold affixes or a space), as token sequences to find again.
  const patterns = new Map<string, { readonly key: string; readonly texts: readonly string[] }[]>();
  for (const key of specials.keys()) {
    if (rules.faster_heuristics && !findPrefix(key) && findInfixes(key).length === 0 && !findSuffix(key) && !key.includes(' ')) continue;
    const texts = tokenizeAffixes(key, false).map((t) => t.text);
    if (texts.length === 0) continue;
    const list = patterns.get(texts[0]!) ?? [];
    list.push({ key, texts });
    patterns.set(texts[0]!, list);
  }

  /** `_apply_special_cases`: the longest matches first (then the earliest), none sharing a first or last token. */
  function applySpecialCases(tokens: readonly Token[]): string[] {
    const matches: { start: number; end: number }[] = [];
    tokens.forEach((token, start) => {
      for (const { texts } of patterns.get(token.text) ?? []) {
        if (texts.every((text, k) => tokens[start + k]?.text === text)) matches.push({ start, end: start + texts.length });
      }
    });
    if (matches.length === 0) return tokens.map((t) => t.text);
    matches.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
    const seen = new Set<number>();
    const kept = new Map<number, { start: number; end: number }>();
    for (const match of matches) {
      if (!seen.has(match.start) && !seen.has(match.end - 1)) kept.set(match.start, match);
      for (let i = match.start; i < match.end; i++) seen.add(i);
    }
    const out: string[] = [];
    for (let i = 0; i < tokens.length; ) {
      const match = kept.get(i);
      if (match === undefined) {
        out.push(tokens[i++]!.text);
        continue;
      }
      const span = tokens.slice(match.start, match.end);
      const spanText = span.map((t, k) => t.text + (t.spacy && k < span.length - 1 ? ' ' : '')).join('');
      out.push(...(specials.get(spanText) ?? span.map((t) => t.text)));
      i = match.end;
    }
    return out;
  }

  return function tokenize(text) {
    return applySpecialCases(tokenizeAffixes(text, true));
  };
}
