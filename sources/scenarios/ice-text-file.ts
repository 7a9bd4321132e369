/** @module A whole text file as HELM's ICE reader gets it: `open(path).read()`, or as ISO-8859-1 when it is not UTF-8. */
import { readFile } from 'node:fs/promises';

const isUtf8 = (bytes: Uint8Array): boolean => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch (error) {
    if (error instanceof TypeError) return false; // HELM catches UnicodeDecodeError and reads the file again
    throw error;
  }
};

/**
 * The text of a file read in Python's text mode (universal newlines: `\r\n` and `\r` become `\n`), decoded as
 * UTF-8 (a BOM kept), or, when that fails anywhere, as ISO-8859-1 (each byte one character).
 * @example await readPythonTextFile('restricted/ice/ICE India/Corpus/S1A-001.txt')
 */
export async function readPythonTextFile(path: string): Promise<string> {
  const bytes = await readFile(path);
  // Buffer's 'latin1' is ISO-8859-1 (TextDecoder's 'latin1' would be windows-1252).
  const text = isUtf8(bytes) ? new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) : bytes.toString('latin1');
  return text.replace(/\r\n?/g, '\n');
}
