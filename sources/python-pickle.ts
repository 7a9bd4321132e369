/**
 * @module A reader of Python pickles (protocols 0–5) that holds plain data only: None, bools, ints, floats, str,
 * bytes, lists, tuples, dicts and sets. It never runs code: a pickle that names any other Python callable (a class
 * to rebuild, `os.system`, …) is refused with the callable's name, before it could be called. The few callables
 * that plain data itself needs in old protocols (`set`, `frozenset`, `bytearray`, `_codecs.encode` for bytes,
 * `collections.OrderedDict`) are rebuilt here as the data they stand for.
 */
import { UserError } from '../core/errors.ts';
import { pyFloat } from '../core/py-float.ts';
import { readPickleText, toPyInt, utf8SurrogatePass } from './python-pickle-text.ts';
import { opcodeName, PickleFormatError, readOpcode, type OpcodeArg } from './python-pickle-opcodes.ts';
import { PySet, PyTuple, type PyDict, type PyValue } from './python-pickle-values.ts';

/** A callable that plain data needs (named by GLOBAL or STACK_GLOBAL), applied by REDUCE. */
class DataCallable {
  constructor(
    readonly qualifiedName: string,
    readonly apply: (args: readonly PyValue[]) => PyValue,
  ) {}
}

const asIterable = (value: PyValue | undefined, name: string): PyValue[] => {
  if (value === undefined) return [];
  if (Array.isArray(value)) return value;
  if (value instanceof PyTuple || value instanceof PySet) return [...value.items];
  throw new PickleFormatError(`${name} of a ${typeof value}`);
};

const latin1Bytes = (text: string, name: string): Uint8Array =>
  Uint8Array.from(text, (ch) => {
    const code = ch.charCodeAt(0);
    if (code > 0xff) throw new PickleFormatError(`${name}: a character past latin-1`);
    return code;
  });

/** The callables a pickle of plain data may name, by `module.name` (Python 2 names mapped as pickle does). */
const DATA_CALLABLES: ReadonlyMap<string, (args: readonly PyValue[]) => PyValue> = new Map<string, (args: readonly PyValue[]) => PyValue>([
  ['builtins.set', (args) => new PySet(asIterable(args[0], 'set'), false)],
  ['builtins.frozenset', (args) => new PySet(asIterable(args[0], 'frozenset'), true)],
  ['builtins.bytearray', (args) => (typeof args[0] === 'string' ? latin1Bytes(args[0], 'bytearray') : args[0] instanceof Uint8Array ? args[0] : new Uint8Array())],
  ['_codecs.encode', (args) => latin1Bytes(typeof args[0] === 'string' ? args[0] : '', '_codecs.encode')],
  ['collections.OrderedDict', (args) => new Map(asIterable(args[0], 'OrderedDict').map((pair) => {
    const items = asIterable(pair, 'OrderedDict item');
    return [items[0] ?? null, items[1] ?? null] as const;
  }))],
]);

const PYTHON2_MODULES: Readonly<Record<string, string>> = { __builtin__: 'builtins', copy_reg: 'copyreg' };

/** Options of a pickle decoder. */
export interface PickleDecoderOptions {
  /** Names the data in messages (a file path). */
  readonly source?: string;
  /** The memo slots a later GET reads (from `scanPickleMemo`); the others are not kept. Default: keep all. */
  readonly memoReads?: ReadonlySet<number>;
  /**
   * Receives, instead of the list, each item appended to a list that is a value of the top-level dict (its key
   * given), so a `{split: [example, …]}` pickle streams. A list that a later GET reads again is kept whole.
   */
  readonly onRootListItem?: (key: PyValue, item: PyValue) => void;
}

/** A decoder fed the bytes of one pickle in order. */
export interface PickleDecoder {
  /** Decodes from `pos` (the data's absolute offset of bytes[0] is `base`); returns where it stopped. */
  run(bytes: Uint8Array, pos: number, base: number): number;
  /** After a `run` that stopped short: how many bytes from where it stopped the next opcode needs. */
  readonly needed: number;
  /** Whether STOP was read. */
  readonly isDone: boolean;
  /** The value the pickle holds (after STOP). */
  readonly value: PyValue;
}

/**
 * A decoder of one pickle, fed in pieces (`run` may stop inside an opcode; call it again with more bytes).
 * @example const decoder = pickleDecoder(); decoder.run(bytes, 0, 0); decoder.value
 */
export function pickleDecoder(options: PickleDecoderOptions = {}): PickleDecoder {
  let stack: unknown[] = [];
  const metastack: unknown[][] = [];
  const memo = new Map<number, unknown>();
  const keptLists = new WeakSet<object>();
  let result: { value: PyValue } | undefined;
  let needed = 0;
  // Python's memo length, counted rather than read from `memo` (which keeps only the slots read again). Pickles
  // number their slots 0, 1, 2, … in order, so the length is one past the highest slot set.
  let memoSize = 0;

  const fail = (message: string): never => {
    throw new PickleFormatError(message);
  };
  const pop = (): unknown => (stack.length > 0 ? stack.pop() : fail('the stack is empty'));
  const popMark = (): unknown[] => {
    const items = stack;
    stack = metastack.pop() ?? fail('no MARK to pop to');
    return items;
  };
  const top = (): unknown => (stack.length > 0 ? stack[stack.length - 1] : fail('the stack is empty'));
  const memoize = (index: number): void => {
    const value = top();
    memoSize = Math.max(memoSize, index + 1);
    if (options.memoReads !== undefined && !options.memoReads.has(index)) return;
    memo.set(index, value);
    if (Array.isArray(value)) keptLists.add(value);
  };
  const memoGet = (index: number): unknown => (memo.has(index) ? memo.get(index) : fail(`memo slot ${index} was never set`));

  /** The key under which `list` (now on top of the stack) sits in the top-level dict, if it does. */
  const rootKeyOf = (list: unknown): PyValue | undefined => {
    if (options.onRootListItem === undefined || keptLists.has(list as object)) return undefined;
    const n = stack.length;
    // Protocol 1+: the root's items wait in its SETITEMS frame, [k1, v1, …, key, list]; protocol 0: [root, key, list].
    if (metastack.length === 1 && metastack[0]!.length === 1 && metastack[0]![0] instanceof Map && n % 2 === 0) return stack[n - 2] as PyValue;
    if (metastack.length === 0 && n === 3 && stack[0] instanceof Map) return stack[1] as PyValue;
    return undefined;
  };
  const append = (items: readonly unknown[]): void => {
    const list = top();
    if (!Array.isArray(list)) fail('APPEND to something other than a list');
    const key = rootKeyOf(list);
    if (key !== undefined) for (const item of items) options.onRootListItem!(key, item as PyValue);
    else for (const item of items) (list as unknown[]).push(item);
  };
  const setItems = (items: readonly unknown[]): void => {
    const dict = top();
    if (!(dict instanceof Map)) fail('SETITEM on something other than a dict');
    for (let i = 0; i + 1 < items.length; i += 2) (dict as PyDict).set(items[i] as PyValue, items[i + 1] as PyValue);
  };
  const callable = (module: string, name: string): DataCallable => {
    const qualified = `${PYTHON2_MODULES[module] ?? module}.${name}`;
    const apply = DATA_CALLABLES.get(qualified);
    if (apply === undefined) {
      throw new PickleFormatError(
        `it names the Python callable ${module}.${name}, and this reader refuses to call code: it reads plain data only ` +
          '(None, bool, int, float, str, bytes, list, tuple, dict, set)',
      );
    }
    return new DataCallable(qualified, apply);
  };

  function execute(op: number, arg: OpcodeArg): void {
    switch (op) {
      case 0x80: // PROTO
        if ((arg as number) > 5) fail(`protocol ${arg as number} is newer than 5`);
        return;
      case 0x95: // FRAME: only a hint for buffering
        return;
      case 0x28: // MARK
        metastack.push(stack);
        stack = [];
        return;
      case 0x2e: // STOP
        result = { value: pop() as PyValue };
        return;
      case 0x30: // POP
        if (stack.length > 0) stack.pop();
        else popMark();
        return;
      case 0x31: // POP_MARK
        popMark();
        return;
      case 0x32: // DUP
        stack.push(top());
        return;
      case 0x4e: // NONE
        stack.push(null);
        return;
      case 0x88: // NEWTRUE
      case 0x89: // NEWFALSE
        stack.push(op === 0x88);
        return;
      case 0x4a: // BININT
      case 0x4b: // BININT1
      case 0x4d: // BININT2
        stack.push(arg as number);
        return;
      case 0x47: // BINFLOAT
        stack.push(pyFloat(arg as number));
        return;
      case 0x8a: // LONG1
      case 0x8b: // LONG4
        stack.push(toPyInt(arg as Uint8Array));
        return;
      case 0x58: // BINUNICODE
      case 0x8c: // SHORT_BINUNICODE
      case 0x8d: // BINUNICODE8
        stack.push(utf8SurrogatePass(arg as Uint8Array));
        return;
      case 0x42: // BINBYTES
      case 0x43: // SHORT_BINBYTES
      case 0x8e: // BINBYTES8
      case 0x96: // BYTEARRAY8
        stack.push(new Uint8Array(arg as Uint8Array));
        return;
      case 0x46: // FLOAT
      case 0x49: // INT
      case 0x4c: // LONG
      case 0x53: // STRING
      case 0x54: // BINSTRING
      case 0x55: // SHORT_BINSTRING
      case 0x56: // UNICODE
        stack.push(readPickleText(opcodeName(op), arg as string | Uint8Array));
        return;
      case 0x5d: // EMPTY_LIST
        stack.push([]);
        return;
      case 0x7d: // EMPTY_DICT
        stack.push(new Map());
        return;
      case 0x29: // EMPTY_TUPLE
        stack.push(new PyTuple([]));
        return;
      case 0x8f: // EMPTY_SET
        stack.push(new PySet([], false));
        return;
      case 0x6c: {
        // LIST (popMark replaces `stack`: take the items first, then push)
        const items = popMark();
        stack.push(items);
        return;
      }
      case 0x74: {
        // TUPLE
        const items = popMark() as PyValue[];
        stack.push(new PyTuple(items));
        return;
      }
      case 0x85: // TUPLE1
      case 0x86: // TUPLE2
      case 0x87: {
        // TUPLE3
        const size = op - 0x84;
        if (stack.length < size) fail('the stack is too short for a tuple');
        stack.push(new PyTuple(stack.splice(stack.length - size, size) as PyValue[]));
        return;
      }
      case 0x64: {
        // DICT
        const dict: PyDict = new Map();
        const items = popMark();
        for (let i = 0; i + 1 < items.length; i += 2) dict.set(items[i] as PyValue, items[i + 1] as PyValue);
        stack.push(dict);
        return;
      }
      case 0x91: {
        // FROZENSET
        const items = popMark() as PyValue[];
        stack.push(new PySet(items, true));
        return;
      }
      case 0x61: // APPEND
        append([pop()]);
        return;
      case 0x65: // APPENDS
        append(popMark());
        return;
      case 0x73: {
        // SETITEM
        const value = pop();
        const key = pop();
        setItems([key, value]);
        return;
      }
      case 0x75: // SETITEMS
        setItems(popMark());
        return;
      case 0x90: {
        // ADDITEMS
        const items = popMark();
        const set = top();
        if (!(set instanceof PySet)) fail('ADDITEMS to something other than a set');
        (set as PySet).items.push(...(items as PyValue[]));
        return;
      }
      case 0x94: // MEMOIZE: the next slot, as Python's `memo[len(memo)]`
        memoize(memoSize);
        return;
      case 0x71: // BINPUT
      case 0x72: // LONG_BINPUT
        memoize(arg as number);
        return;
      case 0x70: // PUT
        memoize(Number.parseInt(arg as string, 10));
        return;
      case 0x68: // BINGET
      case 0x6a: // LONG_BINGET
        stack.push(memoGet(arg as number));
        return;
      case 0x67: // GET
        stack.push(memoGet(Number.parseInt(arg as string, 10)));
        return;
      case 0x63: {
        // GLOBAL
        const [module, name] = arg as readonly [string, string];
        stack.push(callable(module, name));
        return;
      }
      case 0x93: {
        // STACK_GLOBAL
        const name = pop();
        const module = pop();
        if (typeof module !== 'string' || typeof name !== 'string') fail('STACK_GLOBAL without two strings');
        stack.push(callable(module as string, name as string));
        return;
      }
      case 0x52: {
        // REDUCE
        const args = pop();
        const fn = pop();
        if (!(fn instanceof DataCallable) || !(args instanceof PyTuple)) fail('REDUCE without a known callable and a tuple');
        stack.push((fn as DataCallable).apply((args as PyTuple).items));
        return;
      }
      default:
        fail(`${opcodeName(op)} builds an object or reads outside data, and this reader takes plain data only`);
    }
  }

  return {
    run(bytes, pos, base) {
      needed = 0;
      while (result === undefined) {
        let read;
        try {
          read = readOpcode(bytes, pos, bytes.length);
          if (typeof read === 'number') {
            needed = read;
            return pos;
          }
          execute(read.op, read.arg);
        } catch (cause) {
          if (!(cause instanceof PickleFormatError)) throw cause;
          const where = options.source === undefined ? '' : `${options.source}: `;
          throw new UserError(`${where}cannot read this pickle at byte ${base + pos} (${opcodeName(bytes[pos]!)}): ${cause.message}`, { cause });
        }
        pos = read.next;
      }
      return pos;
    },
    get needed() {
      return needed;
    },
    get isDone() {
      return result !== undefined;
    },
    get value() {
      if (result === undefined) throw new Error('the pickle has not been read to its STOP yet');
      return result.value;
    },
  };
}

/**
 * Decodes a whole pickle held in memory.
 * @example decodePickle(readFileSync('data.pk')) // e.g. Map { 'train' => [Map { 'document' => '…' }] }
 */
export function decodePickle(bytes: Uint8Array, source?: string): PyValue {
  const decoder = pickleDecoder(source === undefined ? {} : { source });
  decoder.run(bytes, 0, 0);
  if (!decoder.isDone) {
    throw new UserError(`${source === undefined ? '' : `${source}: `}the pickle ends at byte ${bytes.length} before its STOP opcode (truncated?)`);
  }
  return decoder.value;
}
