/**
 * @module A port of nltk 3.8's Punkt sentence splitter at tokenization time (`PunktSentenceTokenizer.tokenize` in
 * `nltk/tokenize/punkt.py`): candidate contexts, the word regex, both annotation passes, boundary realignment.
 * The algorithm is exact; the learned parameters are an input (`word_tokenize` and `sent_tokenize` use the English
 * ones of tokenize-punkt-english.ts; `NO_PUNKT_PARAMETERS` is an untrained `PunktSentenceTokenizer()`). Checked
 * against nltk 3.8 with both on `__fixtures__/nltk-3.8-tokenize.json.gz`.
 */
import { pyRstrip, pyStrip } from '../../core/python-text.ts';
import { firstCodePoint, isPyLower, isPyUpper, PY_D, PY_END, PY_END_OF_LINE, PY_NOT_S, PY_S, PY_W_NOT_D } from './tokenize-python-re.ts';

/** Punkt's learned parameters (nltk `PunktParameters`); types are lowercased. */
export interface PunktParameters {
  readonly abbrevTypes: ReadonlySet<string>;
  /** Pairs (type before the period, next type), each as `collocationKey(a, b)`. */
  readonly collocations: ReadonlySet<string>;
  readonly sentStarters: ReadonlySet<string>;
  /** Orthographic context flags per type (nltk `_ORTHO_*` bits); absent = 0. */
  readonly orthoContext: ReadonlyMap<string, number>;
}

/** The key of a collocation pair in `PunktParameters.collocations`. */
export const collocationKey = (before: string, after: string): string => `${before}\u0000${after}`;

/** No learned parameters: nltk's `PunktSentenceTokenizer()` without training. */
export const NO_PUNKT_PARAMETERS: PunktParameters = {
  abbrevTypes: new Set(),
  collocations: new Set(),
  sentStarters: new Set(),
  orthoContext: new Map(),
};

const ORTHO_MID_UC = 1 << 2;
const ORTHO_BEG_LC = 1 << 4;
const ORTHO_UC = (1 << 1) | (1 << 2) | (1 << 3);
const ORTHO_LC = (1 << 4) | (1 << 5) | (1 << 6);

// PunktLanguageVars (English): sentence-end characters . ? ! and the regexes built from them.
const NON_WORD = `(?:[)";}\\]*:@'({\\[?!])`;
const MULTI_CHAR = `(?:-{2,}|\\.{2,}|(?:\\.${PY_S}){2,}\\.)`;
const WORD_START = '[^("`{\\[:;&#*@)}\\]\\-,]';
const WORD_RE = new RegExp(
  `${MULTI_CHAR}|(?=${WORD_START})${PY_NOT_S}+?(?=${PY_S}|${PY_END}|${NON_WORD}|${MULTI_CHAR}|` +
    `,(?=${PY_END}|${PY_S}|${NON_WORD}|${MULTI_CHAR}))|${PY_NOT_S}`,
  'gu',
);
const PERIOD_CONTEXT_RE = new RegExp(`[.?!](?=(${NON_WORD}|${PY_S}+(${PY_NOT_S}+)))`, 'gu');
const BOUNDARY_REALIGNMENT_RE = new RegExp(`^["')\\]}]+?(?:${PY_S}+|(?=--)|${PY_END_OF_LINE})`, 'u');
const NUMERIC_RE = new RegExp(`^-?[.,]?${PY_D}[${PY_D},.\\-]*\\.?${PY_END}`, 'u');
const ELLIPSIS_RE = new RegExp(`^\\.\\.+${PY_END}`, 'u');
const INITIAL_RE = new RegExp(`^${PY_W_NOT_D}\\.${PY_END}`, 'u');
const SENT_END_CHARS: ReadonlySet<string> = new Set(['.', '?', '!']);
const PUNCTUATION: ReadonlySet<string> = new Set([';', ':', ',', '.', '!', '?']);
// Python's string.whitespace, which `_get_last_whitespace_index` tests (ASCII only).
const ASCII_WHITESPACE: ReadonlySet<string> = new Set([' ', '\t', '\n', '\r', '\x0b', '\x0c']);

/** nltk `PunktToken` with the annotations the tokenizer uses. */
interface PunktToken {
  readonly tok: string;
  readonly type: string;
  readonly periodFinal: boolean;
  sentbreak: boolean;
  abbr: boolean;
  ellipsis: boolean;
}

const makeToken = (tok: string): PunktToken => ({
  tok,
  type: tok.toLowerCase().replace(NUMERIC_RE, '##number##'),
  periodFinal: tok.endsWith('.'),
  sentbreak: false,
  abbr: false,
  ellipsis: false,
});

const typeNoPeriod = (t: PunktToken): string => (t.type.length > 1 && t.type.endsWith('.') ? t.type.slice(0, -1) : t.type);
const typeNoSentperiod = (t: PunktToken): string => (t.sentbreak ? typeNoPeriod(t) : t.type);
const firstUpper = (t: PunktToken): boolean => isPyUpper(firstCodePoint(t.tok));
const firstLower = (t: PunktToken): boolean => isPyLower(firstCodePoint(t.tok));

/** `_tokenize_words`: the punkt word regex, line by line (blank lines only mark paragraphs). */
function tokenizeWords(text: string): PunktToken[] {
  const tokens: PunktToken[] = [];
  for (const line of text.split('\n')) {
    if (pyStrip(line) === '') continue;
    for (const match of line.matchAll(WORD_RE)) tokens.push(makeToken(match[0]));
  }
  return tokens;
}

/** `_first_pass_annotation`: decisions from the token's type alone. */
function firstPass(token: PunktToken, params: PunktParameters): void {
  const { tok } = token;
  if (SENT_END_CHARS.has(tok)) token.sentbreak = true;
  else if (ELLIPSIS_RE.test(tok)) token.ellipsis = true;
  else if (token.periodFinal && !tok.endsWith('..')) {
    const stem = tok.slice(0, -1).toLowerCase();
    if (params.abbrevTypes.has(stem) || params.abbrevTypes.has(stem.split('-').at(-1)!)) token.abbr = true;
    else token.sentbreak = true;
  }
}

/** `_ortho_heuristic`: true, false or 'unknown' for "does `token` start a sentence?". */
function orthoHeuristic(token: PunktToken, params: PunktParameters): boolean | 'unknown' {
  if (PUNCTUATION.has(token.tok)) return false;
  const context = params.orthoContext.get(typeNoSentperiod(token)) ?? 0;
  if (firstUpper(token) && (context & ORTHO_LC) !== 0 && (context & ORTHO_MID_UC) === 0) return true;
  if (firstLower(token) && ((context & ORTHO_UC) !== 0 || (context & ORTHO_BEG_LC) === 0)) return false;
  return 'unknown';
}

/** `_second_pass_annotation`: revises a period-final token's decision from the token after it. */
function secondPass(token: PunktToken, next: PunktToken | undefined, params: PunktParameters): void {
  if (next === undefined || !token.periodFinal) return;
  const typ = typeNoPeriod(token);
  const nextTyp = typeNoSentperiod(next);
  const isInitial = INITIAL_RE.test(token.tok);
  if (params.collocations.has(collocationKey(typ, nextTyp))) {
    token.sentbreak = false;
    token.abbr = true;
    return;
  }
  if ((token.abbr || token.ellipsis) && !isInitial) {
    if (orthoHeuristic(next, params) === true) {
      token.sentbreak = true;
      return;
    }
    if (firstUpper(next) && params.sentStarters.has(nextTyp)) {
      token.sentbreak = true;
      return;
    }
  }
  if (isInitial || typ === '##number##') {
    const isSentStarter = orthoHeuristic(next, params);
    if (isSentStarter === false) {
      token.sentbreak = false;
      token.abbr = true;
      return;
    }
    if (isSentStarter === 'unknown' && isInitial && firstUpper(next) && ((params.orthoContext.get(nextTyp) ?? 0) & ORTHO_LC) === 0) {
      token.sentbreak = false;
      token.abbr = true;
    }
  }
}

/** `text_contains_sentbreak`: some token but the last is a sentence break. */
function textContainsSentbreak(text: string, params: PunktParameters): boolean {
  const tokens = tokenizeWords(text);
  for (const token of tokens) firstPass(token, params);
  // The second pass on token i reads token i+1 after its first pass only, as nltk's chained generators do.
  for (let i = 0; i < tokens.length; i++) {
    secondPass(tokens[i]!, tokens[i + 1], params);
    if (tokens[i]!.sentbreak && i + 1 < tokens.length) return true;
  }
  return false;
}

interface Candidate {
  /** End of the sentence-end character. */
  readonly end: number;
  /** Where the next token starts, when whitespace follows the candidate. */
  readonly nextTokStart: number | undefined;
  /** The candidate's context: the word before, the character, what follows it. */
  readonly context: string;
}

function lastAsciiWhitespaceIndex(text: string): number {
  for (let i = text.length - 1; i >= 0; i--) if (ASCII_WHITESPACE.has(text[i]!)) return i;
  return 0;
}

/** `_match_potential_end_contexts`, including its quirks (a space at index 0 counts as none; overlaps dropped). */
function potentialEndContexts(text: string): Candidate[] {
  const out: Candidate[] = [];
  let previous: { start: number; stop: number } = { start: 0, stop: 0 };
  let previousMatch: RegExpMatchArray | undefined;
  const candidate = (match: RegExpMatchArray, word: { start: number; stop: number }): Candidate => {
    const start = match.index!;
    const afterTok = match[1]!;
    const nextTok = match[2];
    return {
      end: start + 1,
      nextTokStart: nextTok === undefined ? undefined : start + 1 + afterTok.length - nextTok.length,
      context: text.slice(word.start, word.stop) + match[0] + afterTok,
    };
  };
  for (const match of text.matchAll(PERIOD_CONTEXT_RE)) {
    const start = match.index;
    let index = lastAsciiWhitespaceIndex(text.slice(previous.stop, start));
    index = index !== 0 ? index + previous.stop + 1 : previous.start;
    const word = { start: index, stop: start };
    if (previousMatch !== undefined && previous.stop <= word.start) out.push(candidate(previousMatch, previous));
    previousMatch = match;
    previous = word;
  }
  if (previousMatch !== undefined) out.push(candidate(previousMatch, previous));
  return out;
}

/** `_slices_from_text`: sentence spans before realignment. */
function slicesFromText(text: string, params: PunktParameters): [number, number][] {
  const slices: [number, number][] = [];
  let lastBreak = 0;
  for (const { end, nextTokStart, context } of potentialEndContexts(text)) {
    if (!textContainsSentbreak(context, params)) continue;
    slices.push([lastBreak, end]);
    lastBreak = nextTokStart ?? end;
  }
  slices.push([lastBreak, pyRstrip(text).length]);
  return slices;
}

/** `_realign_boundaries`: closing quotes and brackets after a break go with the sentence before. */
function realignBoundaries(text: string, slices: readonly [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  let realign = 0;
  for (let i = 0; i < slices.length; i++) {
    const [start0, stop] = slices[i]!;
    const start = start0 + realign;
    const next = slices[i + 1];
    if (next === undefined) {
      if (start < stop) out.push([start, stop]);
      continue;
    }
    const match = BOUNDARY_REALIGNMENT_RE.exec(text.slice(next[0], next[1]));
    if (match !== null) {
      out.push([start, next[0] + pyRstrip(match[0]).length]);
      realign = match[0].length;
    } else {
      realign = 0;
      if (start < stop) out.push([start, stop]);
    }
  }
  return out;
}

/**
 * Splits `text` into sentences as nltk's `PunktSentenceTokenizer.tokenize(text)` does with these parameters.
 * Pure.
 * @example punktSentences('she is a doctor. he is a nurse.') // ['she is a doctor.', 'he is a nurse.']
 */
export function punktSentences(text: string, params: PunktParameters = NO_PUNKT_PARAMETERS): string[] {
  return realignBoundaries(text, slicesFromText(text, params)).map(([start, stop]) => text.slice(start, stop));
}
