/**
 * @module Byte-pair encoding over the rank tables gpt-tokenizer bundles (r50k, p50k, cl100k, o200k), loaded
 * on first use, with our own split patterns and byte-level decoding (shared by tiktoken and GPT-2).
 */
import { createRequire } from 'node:module';
import type { BytePairEncodingCore, RawBytePairRanks } from 'gpt-tokenizer/BytePairEncodingCore';

// The tables are large JS modules (0.5–2 MB, 0.1–0.3 s to load): required synchronously, and only when a
// tokenizer first encodes, so a run on another tokenizer never pays for them. Node's module cache keeps them.
const requireHere = createRequire(import.meta.url);

/** The rank tables gpt-tokenizer ships (`gpt-tokenizer/bpeRanks/*`). */
export type BpeRanksName = 'r50k_base' | 'p50k_base' | 'cl100k_base' | 'o200k_base';

/** Encoding and byte lookup for one rank table and split pattern. Pure. */
export interface BpeCodec {
  /** Token ids of `text`, special-token strings being ordinary text (tiktoken `encode_ordinary`). */
  encodeOrdinary(text: string): number[];
  /** `encodeOrdinary(text).length`, without building the array. */
  countOrdinary(text: string): number;
  /** The bytes of a mergeable token, or undefined for an id outside the table (special tokens included). */
  tokenBytes(id: number): Uint8Array | undefined;
  /**
   * The text of ids, special tokens included, as tiktoken's `decode`: the bytes joined, then read as UTF-8
   * with errors="replace". An unknown id is a RangeError.
   */
  decode(ids: Iterable<number>): string;
}

interface BpeModules {
  readonly ranks: RawBytePairRanks;
  readonly core: BytePairEncodingCore;
}

function loadBpe(ranksName: BpeRanksName, splitPattern: string, specialTokens: ReadonlyMap<string, number>): BpeModules {
  const ranks = (requireHere(`gpt-tokenizer/cjs/bpeRanks/${ranksName}`) as { default: RawBytePairRanks }).default;
  const { BytePairEncodingCore: Core } = requireHere('gpt-tokenizer/cjs/BytePairEncodingCore') as {
    BytePairEncodingCore: typeof BytePairEncodingCore;
  };
  // The core is never told to allow a special token: callers find special tokens in the text themselves
  // (gpt-tokenizer only recognizes an allowed one at the very start of a text). Its map only keeps its
  // special-token scan to one sticky test per text.
  const core = new Core({
    bytePairRankDecoder: ranks,
    specialTokensEncoder: new Map(specialTokens),
    tokenSplitRegex: new RegExp(splitPattern, 'gu'),
  });
  return { ranks, core };
}

/** Python's `str.encode('utf-16', 'surrogatepass').decode('utf-16', 'replace')`: a lone surrogate becomes U+FFFD. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const wellFormed = (text: string): string => text.replace(LONE_SURROGATE, '\ufffd');

/** Which rank table, split pattern (JS `u` mode) and special tokens (never encoded from text here). */
export interface BpeCodecOptions {
  readonly ranks: BpeRanksName;
  readonly pattern: string;
  readonly specialTokens: ReadonlyMap<string, number>;
}

/**
 * A codec over a rank table and split pattern. The table loads on first use.
 * @example bpeCodec(tiktokenEncodings.cl100k_base).encodeOrdinary('hello world') // [15339, 1917]
 */
export function bpeCodec(options: BpeCodecOptions): BpeCodec {
  let loaded: BpeModules | undefined;
  const bpe = (): BpeModules => (loaded ??= loadBpe(options.ranks, options.pattern, options.specialTokens));
  const utf8 = new TextEncoder();
  const specialById = new Map([...options.specialTokens].map(([text, id]) => [id, utf8.encode(text)]));
  const tokenBytes = (id: number): Uint8Array | undefined => {
    const entry = Number.isInteger(id) && id >= 0 ? bpe().ranks[id] : undefined;
    if (entry === undefined) return undefined;
    return typeof entry === 'string' ? utf8.encode(entry) : Uint8Array.from(entry);
  };
  return {
    encodeOrdinary: (text) => bpe().core.encodeNative(wellFormed(text)),
    countOrdinary: (text) => bpe().core.countNative(wellFormed(text)),
    tokenBytes,
    decode(ids) {
      const chunks: Uint8Array[] = [];
      for (const id of ids) {
        const bytes = tokenBytes(id) ?? specialById.get(id);
        if (bytes === undefined) throw new RangeError(`Token id ${id} is not in the ${options.ranks} vocabulary`);
        chunks.push(bytes);
      }
      return decodeUtf8Replacing(chunks);
    },
  };
}

/** Python's `bytes.decode('utf-8', errors='replace')`: invalid bytes become U+FFFD, a leading BOM is kept. */
export function decodeUtf8Replacing(chunks: readonly Uint8Array[]): string {
  const size = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}
