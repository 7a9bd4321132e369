/** @module GPT-2's byte-level alphabet (`bytes_to_unicode`): each byte as a printable character, as in `Ġworld`. */

/** Byte → character: printable Latin-1 bytes stand for themselves, the other 68 are moved to U+0100 and up. */
export function byteLevelAlphabet(): readonly string[] {
  const alphabet: string[] = new Array<string>(256);
  const isPrintable = (b: number): boolean => (b >= 0x21 && b <= 0x7e) || (b >= 0xa1 && b <= 0xac) || (b >= 0xae && b <= 0xff);
  let next = 256;
  for (let b = 0; b < 256; b++) alphabet[b] = String.fromCharCode(isPrintable(b) ? b : next++);
  return alphabet;
}

/** The byte-level string of some bytes (`Ġ` for a space, `Ċ` for a newline). */
export function byteLevelString(bytes: Uint8Array, alphabet: readonly string[]): string {
  let text = '';
  for (const b of bytes) text += alphabet[b];
  return text;
}
