import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lineSpans, readSpan } from './line-spans.ts';

const work = mkdtempSync(join(tmpdir(), 'line-spans-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function linesOf(bytes: Buffer | string): Promise<{ text: string; line: number }[]> {
  const path = join(work, 'f');
  writeFileSync(path, bytes);
  const file = await open(path, 'r');
  try {
    const out = [];
    for (const span of await lineSpans(path)) out.push({ text: await readSpan(file, span, 'f'), line: span.line });
    return out;
  } finally {
    await file.close();
  }
}

describe('lineSpans', () => {
  it("splits as Python's text mode does (\\n, \\r\\n, \\r), numbering every line but leaving blank ones out", async () => {
    expect(await linesOf('a\r\nb\rc\n\n  \t\nd é\ne')).toEqual([
      { text: 'a', line: 1 },
      { text: 'b', line: 2 },
      { text: 'c', line: 3 },
      { text: 'd é', line: 6 },
      { text: 'e', line: 7 },
    ]);
    expect(await linesOf('x\r')).toEqual([{ text: 'x', line: 1 }]);
    expect(await linesOf('')).toEqual([]);
  });

  it('finds lines across read chunks (64 KiB) and reads multi-byte characters whole', async () => {
    const long = 'ü'.repeat(40_000); // 80,000 bytes: the first line ends in the second chunk
    expect(await linesOf(`${long}\r\n€`)).toEqual([
      { text: long, line: 1 },
      { text: '€', line: 2 },
    ]);
    const first = 'a'.repeat(65_535); // its \r is the first chunk's last byte, its \n the second chunk's first
    expect(await linesOf(`${first}\r\nb`)).toEqual([
      { text: first, line: 1 },
      { text: 'b', line: 2 },
    ]);
  });

  it('names the place of bytes that are not UTF-8', async () => {
    await expect(linesOf(Buffer.from([0x61, 0xff, 0x0a]))).rejects.toThrow('f: not valid UTF-8 text');
  });
});
