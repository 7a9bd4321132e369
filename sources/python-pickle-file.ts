/**
 * @module A pickle file read in pieces rather than whole. A first pass notes which memo slots are read again; the
 * second decodes, keeping only those slots, and hands out the items of the top-level dict's lists one by one: a
 * `{split: [example, …]}` file of gigabytes then costs the memory of one example (plus what is read again),
 * where Python's `pickle.load` holds it all.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { UserError } from '../core/errors.ts';
import { PickleFormatError, readOpcode } from './python-pickle-opcodes.ts';
import { pickleDecoder } from './python-pickle.ts';
import type { PyValue } from './python-pickle-values.ts';

const PIECE_BYTES = 4 * 1024 * 1024;
const GET = 0x67;
const BINGET = 0x68;
const LONG_BINGET = 0x6a;
const STOP = 0x2e;

/** The bytes of a file not yet consumed, refilled a piece at a time. */
class Pieces {
  bytes = new Uint8Array(0);
  /** The file offset of `bytes[0]`. */
  base = 0;
  private isEnd = false;
  constructor(
    private readonly handle: FileHandle,
    private readonly pieceBytes: number,
  ) {}

  /** Drops the first `consumed` bytes and reads until at least `minBytes` are held; false at the end of the file. */
  async refill(consumed: number, minBytes: number): Promise<boolean> {
    const rest = this.bytes.subarray(consumed);
    this.base += consumed;
    if (this.isEnd) return false;
    const size = Math.max(this.pieceBytes, minBytes - rest.length);
    const next = new Uint8Array(rest.length + size);
    next.set(rest);
    let filled = rest.length;
    while (filled < minBytes || filled === rest.length) {
      const { bytesRead } = await this.handle.read(next, filled, next.length - filled, null);
      if (bytesRead === 0) {
        this.isEnd = true;
        break;
      }
      filled += bytesRead;
    }
    this.bytes = next.subarray(0, filled);
    return filled > rest.length;
  }
}

const truncated = (path: string, at: number): UserError =>
  new UserError(`${path}: the pickle ends at byte ${at} before its STOP opcode (an interrupted download? delete it to fetch it again)`);

/** Options of the file readers. */
export interface PickleFileOptions {
  /** How many bytes to read at a time (default 4 MiB; tests use less to cross piece boundaries). */
  readonly pieceBytes?: number;
}

async function withFile<T>(path: string, options: PickleFileOptions, use: (pieces: Pieces) => Promise<T>): Promise<T> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (cause) {
    throw new UserError(`${path}: cannot open the pickle (${(cause as Error).message})`, { cause });
  }
  try {
    return await use(new Pieces(handle, options.pieceBytes ?? PIECE_BYTES));
  } finally {
    await handle.close();
  }
}

/** First pass: the memo slots that a GET, BINGET or LONG_BINGET reads, in a pickle file. */
export function scanPickleMemoReads(path: string, options: PickleFileOptions = {}): Promise<Set<number>> {
  return withFile(path, options, async (pieces) => {
    const reads = new Set<number>();
    let pos = 0;
    for (;;) {
      let read;
      try {
        read = readOpcode(pieces.bytes, pos, pieces.bytes.length);
      } catch (cause) {
        if (!(cause instanceof PickleFormatError)) throw cause;
        throw new UserError(`${path}: cannot read this pickle at byte ${pieces.base + pos}: ${cause.message}`, { cause });
      }
      if (typeof read === 'number') {
        if (!(await pieces.refill(pos, read))) throw truncated(path, pieces.base + pieces.bytes.length);
        pos = 0;
        continue;
      }
      if (read.op === BINGET || read.op === LONG_BINGET) reads.add(read.arg as number);
      else if (read.op === GET) reads.add(Number.parseInt(read.arg as string, 10));
      else if (read.op === STOP) return reads;
      pos = read.next;
    }
  });
}

/** What `readPickleFile` hands out: the items of the top-level dict's lists, then the value with those lists empty. */
export type PickleFileEvent =
  | { readonly kind: 'item'; readonly key: PyValue; readonly item: PyValue }
  | { readonly kind: 'end'; readonly value: PyValue };

/**
 * Reads a pickle file in two passes and yields, in file order, every item appended to a list that is a value of
 * the top-level dict (with its key), then the whole value, those lists left empty. A list that the pickle reads
 * again through its memo is kept whole in the value instead. Refuses, with a UserError naming it, any pickle
 * that would call code (see `python-pickle.ts`).
 * @example for await (const e of readPickleFile('xsum.pk')) if (e.kind === 'item') use(e.key, e.item)
 */
export async function* readPickleFile(path: string, options: PickleFileOptions = {}): AsyncGenerator<PickleFileEvent> {
  const memoReads = await scanPickleMemoReads(path, options);
  const pending: { key: PyValue; item: PyValue }[] = [];
  const decoder = pickleDecoder({ source: path, memoReads, onRootListItem: (key, item) => pending.push({ key, item }) });
  let handle: FileHandle | undefined;
  try {
    handle = await open(path, 'r');
    const pieces = new Pieces(handle, options.pieceBytes ?? PIECE_BYTES);
    let pos = 0;
    while (!decoder.isDone) {
      pos = decoder.run(pieces.bytes, pos, pieces.base);
      for (const { key, item } of pending.splice(0)) yield { kind: 'item', key, item };
      if (decoder.isDone) break;
      if (!(await pieces.refill(pos, decoder.needed))) throw truncated(path, pieces.base + pieces.bytes.length);
      pos = 0;
    }
    yield { kind: 'end', value: decoder.value };
  } finally {
    await handle?.close();
  }
}
