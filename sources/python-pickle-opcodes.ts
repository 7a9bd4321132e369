/**
 * @module The opcodes of Python's pickle protocols 0–5 (`pickletools` names) and how to read one with its
 * argument, without acting on it: the decoder (`python-pickle.ts`) and the memo scan share this reader.
 */

/** The argument of an opcode: an int, a slice of the data, a text line, or the two lines of GLOBAL/INST. */
export type OpcodeArg = number | bigint | Uint8Array | string | readonly [string, string] | undefined;

/** One opcode read from the data: its byte, its argument and where the next opcode starts. */
export interface ReadOpcode {
  readonly op: number;
  readonly arg: OpcodeArg;
  readonly next: number;
}

/** How an opcode's argument is laid out. */
type ArgKind = 'none' | 'u1' | 'u2' | 'i4' | 'u4' | 'u8' | 'f8' | 'line' | 'lines2' | 'bytes1' | 'bytes4' | 'sbytes4' | 'bytes8';

const c = (ch: string): number => ch.charCodeAt(0);

/** Every opcode of protocols 0–5 with its name and argument layout. */
export const OPCODES: ReadonlyMap<number, { readonly name: string; readonly arg: ArgKind }> = new Map([
  [c('('), { name: 'MARK', arg: 'none' }],
  [c('.'), { name: 'STOP', arg: 'none' }],
  [c('0'), { name: 'POP', arg: 'none' }],
  [c('1'), { name: 'POP_MARK', arg: 'none' }],
  [c('2'), { name: 'DUP', arg: 'none' }],
  [c('F'), { name: 'FLOAT', arg: 'line' }],
  [c('I'), { name: 'INT', arg: 'line' }],
  [c('J'), { name: 'BININT', arg: 'i4' }],
  [c('K'), { name: 'BININT1', arg: 'u1' }],
  [c('L'), { name: 'LONG', arg: 'line' }],
  [c('M'), { name: 'BININT2', arg: 'u2' }],
  [c('N'), { name: 'NONE', arg: 'none' }],
  [c('P'), { name: 'PERSID', arg: 'line' }],
  [c('Q'), { name: 'BINPERSID', arg: 'none' }],
  [c('R'), { name: 'REDUCE', arg: 'none' }],
  [c('S'), { name: 'STRING', arg: 'line' }],
  [c('T'), { name: 'BINSTRING', arg: 'sbytes4' }],
  [c('U'), { name: 'SHORT_BINSTRING', arg: 'bytes1' }],
  [c('V'), { name: 'UNICODE', arg: 'line' }],
  [c('X'), { name: 'BINUNICODE', arg: 'bytes4' }],
  [c('a'), { name: 'APPEND', arg: 'none' }],
  [c('b'), { name: 'BUILD', arg: 'none' }],
  [c('c'), { name: 'GLOBAL', arg: 'lines2' }],
  [c('d'), { name: 'DICT', arg: 'none' }],
  [c('}'), { name: 'EMPTY_DICT', arg: 'none' }],
  [c('e'), { name: 'APPENDS', arg: 'none' }],
  [c('g'), { name: 'GET', arg: 'line' }],
  [c('h'), { name: 'BINGET', arg: 'u1' }],
  [c('i'), { name: 'INST', arg: 'lines2' }],
  [c('j'), { name: 'LONG_BINGET', arg: 'u4' }],
  [c('l'), { name: 'LIST', arg: 'none' }],
  [c(']'), { name: 'EMPTY_LIST', arg: 'none' }],
  [c('o'), { name: 'OBJ', arg: 'none' }],
  [c('p'), { name: 'PUT', arg: 'line' }],
  [c('q'), { name: 'BINPUT', arg: 'u1' }],
  [c('r'), { name: 'LONG_BINPUT', arg: 'u4' }],
  [c('s'), { name: 'SETITEM', arg: 'none' }],
  [c('t'), { name: 'TUPLE', arg: 'none' }],
  [c(')'), { name: 'EMPTY_TUPLE', arg: 'none' }],
  [c('u'), { name: 'SETITEMS', arg: 'none' }],
  [c('G'), { name: 'BINFLOAT', arg: 'f8' }],
  [0x80, { name: 'PROTO', arg: 'u1' }],
  [0x81, { name: 'NEWOBJ', arg: 'none' }],
  [0x82, { name: 'EXT1', arg: 'u1' }],
  [0x83, { name: 'EXT2', arg: 'u2' }],
  [0x84, { name: 'EXT4', arg: 'i4' }],
  [0x85, { name: 'TUPLE1', arg: 'none' }],
  [0x86, { name: 'TUPLE2', arg: 'none' }],
  [0x87, { name: 'TUPLE3', arg: 'none' }],
  [0x88, { name: 'NEWTRUE', arg: 'none' }],
  [0x89, { name: 'NEWFALSE', arg: 'none' }],
  [0x8a, { name: 'LONG1', arg: 'bytes1' }],
  [0x8b, { name: 'LONG4', arg: 'sbytes4' }],
  [c('B'), { name: 'BINBYTES', arg: 'bytes4' }],
  [c('C'), { name: 'SHORT_BINBYTES', arg: 'bytes1' }],
  [0x8c, { name: 'SHORT_BINUNICODE', arg: 'bytes1' }],
  [0x8d, { name: 'BINUNICODE8', arg: 'bytes8' }],
  [0x8e, { name: 'BINBYTES8', arg: 'bytes8' }],
  [0x8f, { name: 'EMPTY_SET', arg: 'none' }],
  [0x90, { name: 'ADDITEMS', arg: 'none' }],
  [0x91, { name: 'FROZENSET', arg: 'none' }],
  [0x92, { name: 'NEWOBJ_EX', arg: 'none' }],
  [0x93, { name: 'STACK_GLOBAL', arg: 'none' }],
  [0x94, { name: 'MEMOIZE', arg: 'none' }],
  [0x95, { name: 'FRAME', arg: 'u8' }],
  [0x96, { name: 'BYTEARRAY8', arg: 'bytes8' }],
  [0x97, { name: 'NEXT_BUFFER', arg: 'none' }],
  [0x98, { name: 'READONLY_BUFFER', arg: 'none' }],
]);

/** The opcode's name, or its byte in hex when it is not one. */
export const opcodeName = (op: number): string => OPCODES.get(op)?.name ?? `0x${op.toString(16).padStart(2, '0')}`;

const NEWLINE = 0x0a;
const latin1 = new TextDecoder('latin1');

/** A text line (without its "\n") starting at `pos`, or undefined when the data ends first. */
function readLine(bytes: Uint8Array, pos: number, end: number): { text: string; next: number } | undefined {
  const at = bytes.indexOf(NEWLINE, pos);
  if (at < 0 || at >= end) return undefined;
  return { text: latin1.decode(bytes.subarray(pos, at)), next: at + 1 };
}

/** Thrown for data that is not a pickle this reader can follow; the decoder adds where. */
export class PickleFormatError extends Error {}

/**
 * Reads the opcode at `pos` with its argument. Returns the number of bytes needed from `pos` (at least one more
 * than are there) when the data ends inside the opcode, so a streaming caller can read that much and retry.
 */
export function readOpcode(bytes: Uint8Array, pos: number, end: number): ReadOpcode | number {
  if (pos >= end) return 1;
  const op = bytes[pos]!;
  const spec = OPCODES.get(op);
  if (spec === undefined) throw new PickleFormatError(`unknown opcode ${opcodeName(op)}`);
  const at = pos + 1;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const fixed = (size: number, read: () => OpcodeArg): ReadOpcode | number =>
    at + size > end ? end - pos + (at + size - end) : { op, arg: read(), next: at + size };
  const sized = (lengthSize: number, readLength: () => number): ReadOpcode | number => {
    if (at + lengthSize > end) return end - pos + (at + lengthSize - end);
    const length = readLength();
    if (length < 0) throw new PickleFormatError(`${spec.name} with a negative length`);
    const start = at + lengthSize;
    if (start + length > end) return start + length - pos;
    return { op, arg: bytes.subarray(start, start + length), next: start + length };
  };
  switch (spec.arg) {
    case 'none':
      return { op, arg: undefined, next: at };
    case 'u1':
      return fixed(1, () => bytes[at]!);
    case 'u2':
      return fixed(2, () => view.getUint16(at, true));
    case 'i4':
      return fixed(4, () => view.getInt32(at, true));
    case 'u4':
      return fixed(4, () => view.getUint32(at, true));
    case 'u8':
      return fixed(8, () => Number(view.getBigUint64(at, true)));
    case 'f8':
      return fixed(8, () => view.getFloat64(at, false));
    case 'bytes1':
      return sized(1, () => bytes[at]!);
    case 'bytes4':
      return sized(4, () => view.getUint32(at, true));
    case 'sbytes4':
      return sized(4, () => view.getInt32(at, true));
    case 'bytes8':
      return sized(8, () => Number(view.getBigUint64(at, true)));
    case 'line': {
      const line = readLine(bytes, at, end);
      return line === undefined ? end - pos + 1 : { op, arg: line.text, next: line.next };
    }
    case 'lines2': {
      const first = readLine(bytes, at, end);
      const second = first && readLine(bytes, first.next, end);
      return first === undefined || second === undefined ? end - pos + 1 : { op, arg: [first.text, second.text], next: second.next };
    }
  }
}
