import { describe, expect, it } from 'vitest';
import { lruMemo } from './lru-memo.ts';

describe('lruMemo', () => {
  const counting = () => {
    const calls: string[] = [];
    return { calls, fn: (key: string) => (calls.push(key), key.length) };
  };

  it('computes each key once while it is kept', () => {
    const { calls, fn } = counting();
    const memo = lruMemo(fn, { maxEntries: 2, maxKeyChars: 100 });
    expect([memo('a'), memo('bb'), memo('a'), memo('bb')]).toEqual([1, 2, 1, 2]);
    expect(calls).toEqual(['a', 'bb']);
  });

  it('evicts the least recently used entry past maxEntries', () => {
    const { calls, fn } = counting();
    const memo = lruMemo(fn, { maxEntries: 2, maxKeyChars: 100 });
    memo('a');
    memo('b');
    memo('a'); // b is now the oldest
    memo('c'); // evicts b
    memo('a');
    memo('b');
    expect(calls).toEqual(['a', 'b', 'c', 'b']);
  });

  it('evicts past maxKeyChars, and never keeps a key longer than it', () => {
    const { calls, fn } = counting();
    const memo = lruMemo(fn, { maxEntries: 100, maxKeyChars: 5 });
    memo('aaa');
    memo('bbb'); // 6 chars: evicts aaa
    memo('bbb');
    memo('aaa');
    memo('cccccc');
    memo('cccccc');
    expect(calls).toEqual(['aaa', 'bbb', 'aaa', 'cccccc', 'cccccc']);
  });
});
