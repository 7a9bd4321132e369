/** @module A bounded least-recently-used memo for string-keyed pure functions (token counts of prompts). */

export interface LruMemoOptions {
  /** At most this many results are kept. */
  readonly maxEntries: number;
  /** At most this many key characters are kept in all (prompts can be long). */
  readonly maxKeyChars: number;
}

/** Room for the few hundred distinct prompts a run counts repeatedly (fit, num_prompt_tokens, dry-run cost). */
export const TOKEN_COUNT_MEMO: LruMemoOptions = { maxEntries: 512, maxKeyChars: 4_000_000 };

/**
 * Memoizes `fn` on its string argument, evicting the least recently used results past either bound, so
 * memory stays under about `maxKeyChars` × 2 bytes plus the entries. `fn` must be pure. A key longer
 * than `maxKeyChars` is computed but not kept.
 * @example const count = lruMemo((text) => encode(text).length, TOKEN_COUNT_MEMO);
 */
export function lruMemo<V>(fn: (key: string) => V, options: LruMemoOptions): (key: string) => V {
  const entries = new Map<string, V>(); // insertion order = recency order, oldest first
  let keyChars = 0;
  return function memoized(key) {
    if (entries.has(key)) {
      const value = entries.get(key) as V;
      entries.delete(key);
      entries.set(key, value);
      return value;
    }
    const value = fn(key);
    if (key.length > options.maxKeyChars) return value;
    entries.set(key, value);
    keyChars += key.length;
    for (const oldest of entries.keys()) {
      if (entries.size <= options.maxEntries && keyChars <= options.maxKeyChars) break;
      entries.delete(oldest);
      keyChars -= oldest.length;
    }
    return value;
  };
}
