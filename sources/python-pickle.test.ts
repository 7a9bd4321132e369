import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PyFloat } from '../core/py-float.ts';
import { decodePickle } from './python-pickle.ts';
import { PySet, PyTuple, pyTypeName, type PyDict, type PyValue } from './python-pickle-values.ts';

// Fixtures made by CPython 3.11 (/work/anchor's python) with pickle.dump at each protocol; see make_pickles in the
// python-pickle-file test for what they hold.
const fixture = (name: string): string => fileURLToPath(new URL(`./__fixtures__/python-pickle/${name}`, import.meta.url));
const load = (name: string): PyValue => decodePickle(readFileSync(fixture(name)), name);

describe('decodePickle', () => {
  for (const protocol of [0, 1, 2, 3, 4, 5]) {
    it(`reads every plain type that pickle.dump writes at protocol ${protocol}`, () => {
      const value = load(`plain-p${protocol}.pk`) as PyDict;
      expect(pyTypeName(value)).toBe('dict');
      expect([...value.keys()].slice(0, 4)).toEqual(['none', 't', 'f', 'small']); // insertion order kept
      expect(value.get('none')).toBeNull();
      expect(value.get('t')).toBe(true);
      expect(value.get('f')).toBe(false);
      expect(value.get('small')).toBe(7);
      expect(value.get('neg')).toBe(-300);
      expect(value.get('i4')).toBe(100000);
      expect(value.get('big')).toBe(2n ** 70n);
      expect(value.get('negbig')).toBe(-(2n ** 70n));
      expect(value.get('float')).toEqual(new PyFloat(1.5));
      expect(value.get('whole')).toEqual(new PyFloat(2)); // a float, not the int 2
      expect(value.get('inf')).toEqual(new PyFloat(Infinity));
      expect(value.get('s')).toBe('h\u00e9llo \u2713 \u{1d11e}');
      expect(value.get('lone')).toBe('\ud800x'); // a lone surrogate, as Python's str may hold one
      expect(value.get('b')).toEqual(new Uint8Array([0, 255]));
      expect(value.get('ba')).toEqual(new Uint8Array([97, 98]));
      expect(value.get('list')).toEqual([1, [2, 3]]);
      expect(value.get('tuple')).toEqual(new PyTuple([1, 'a']));
      expect(value.get('empty_tuple')).toEqual(new PyTuple([]));
      expect(value.get('set')).toEqual(new PySet([1], false));
      expect(value.get('frozen')).toEqual(new PySet([2], true));
      const tupleKeyed = value.get('tuple_key') as PyDict;
      expect([...tupleKeyed.entries()]).toEqual([[new PyTuple([1, 2]), 'v']]);
      const shared = value.get('shared') as PyValue[][];
      expect(shared).toEqual([['same'], ['same']]);
      expect(shared[0]).toBe(shared[1]); // one object twice, through the memo
      expect([...(value.get('ordered') as PyDict).entries()]).toEqual([['z', 1], ['a', 2]]);
      expect(value.get('backslash')).toBe('a\\u0041\\\\u0042');
    });
  }

  it('refuses a pickle that would call os.system, naming the callable, before anything runs', () => {
    expect(() => load('evil.pk')).toThrow(/evil\.pk: cannot read this pickle at byte \d+ \(STACK_GLOBAL\): it names the Python callable posix\.system/);
  });

  it('refuses a pickled class instance (protocol 2: GLOBAL then NEWOBJ), naming its class', () => {
    expect(() => load('object-p2.pk')).toThrow(/byte 2 \(GLOBAL\): it names the Python callable __main__\.Record, and this reader refuses to call code/);
  });

  it('says the data ends before STOP when a pickle is cut short', () => {
    expect(() => load('truncated.pk')).toThrow('truncated.pk: the pickle ends at byte 300 before its STOP opcode (truncated?)');
  });

  it('names an unknown opcode and where it stands', () => {
    expect(() => decodePickle(new Uint8Array([0x80, 4, 0xff]), 'x.pk')).toThrow('x.pk: cannot read this pickle at byte 2 (0xff): unknown opcode 0xff');
  });
});
