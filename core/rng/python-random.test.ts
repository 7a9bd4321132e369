import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PythonRandom } from './python-random.ts';

type Call =
  | { op: 'shuffle'; n: number; result: number[] }
  | { op: 'randrange'; n: number; result: number }
  | { op: 'sample'; n: number; k: number; result: number[] }
  | { op: 'shuffle_strings'; input: string[]; result: string[] }
  | { op: 'random'; result: number }
  | { op: 'getrandbits'; k: number; result: number | string };
interface Case {
  seed: string; // kept as text: 100000000000000000000 does not survive JSON.parse as a number
  calls: Call[];
}

function loadCases(): Case[] {
  const text = readFileSync(new URL('../../../shared/testdata/rng-vectors.json', import.meta.url), 'utf8');
  const quoted = text.replace(/"seed":\s*(-?\d+)/g, '"seed": "$1"');
  return (JSON.parse(quoted) as { python_random: Case[] }).python_random;
}

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

function perform(rng: PythonRandom, call: Call): unknown {
  switch (call.op) {
    case 'shuffle': {
      const list = range(call.n);
      rng.shuffle(list);
      return list;
    }
    case 'randrange':
      return rng.randrange(call.n);
    case 'sample':
      return rng.sample(range(call.n), call.k);
    case 'shuffle_strings': {
      const list = [...call.input];
      rng.shuffle(list);
      return list;
    }
    case 'random':
      return rng.random();
    case 'getrandbits':
      return rng.getrandbits(call.k);
  }
}

const expected = (call: Call): unknown => (call.op === 'getrandbits' ? BigInt(call.result) : call.result);

describe('PythonRandom against CPython 3.11 (rng-vectors.json)', () => {
  const cases = loadCases();

  it('covers every python_random case of the vector file', () => {
    expect(cases.map((c) => c.seed)).toEqual([
      '0', '1', '2', '3', '7', '42', '1234', '2147483647', '4294967301', '100000000000000000000',
    ]);
  });

  for (const testCase of cases) {
    it(`reproduces the call sequence for seed ${testCase.seed}`, () => {
      const seed = BigInt(testCase.seed);
      const rng = new PythonRandom(Number.isSafeInteger(Number(seed)) ? Number(seed) : seed);
      for (const call of testCase.calls) {
        expect({ op: call.op, value: perform(rng, call) }).toEqual({ op: call.op, value: expected(call) });
      }
    });
  }

  it('seeds identically from a number and from the equal bigint', () => {
    const fromNumber = new PythonRandom(4294967301);
    const fromBigint = new PythonRandom(4294967301n);
    expect(fromNumber.random()).toBe(fromBigint.random());
  });
});

describe('PythonRandom golden values (helm.md §5.3, §8.1, §13)', () => {
  it('gives Random("id0").random() = 0.51172047939132, the perturbation rng of instance id0', () => {
    expect(new PythonRandom('id0').random()).toBe(0.51172047939132);
  });

  it('gives 6 then 0.7579544029403025 for seed(0); randrange(10); random()', () => {
    const rng = new PythonRandom(0);
    expect(rng.randrange(10)).toBe(6);
    expect(rng.random()).toBe(0.7579544029403025);
  });

  it('reseeds in place: seed(0) restarts the sequence', () => {
    const rng = new PythonRandom('other');
    rng.random();
    rng.seed(0);
    expect(rng.randrange(10)).toBe(6);
  });

  it('seeds with |seed|, as CPython does: seed -1234 equals seed 1234', () => {
    expect(new PythonRandom(-1234).random()).toBe(new PythonRandom(1234).random());
    expect(new PythonRandom(-(2n ** 70n)).getrandbits(70)).toBe(new PythonRandom(2n ** 70n).getrandbits(70));
  });

  // HELM v0.5.16 in_context_learning_adapter.py: sample_examples, re-traced on labels only.
  function sampleExamples(labels: readonly string[], k: number, seed: number): string[] {
    const rng = new PythonRandom(seed);
    const byLabel = new Map<string, string[]>();
    labels.forEach((label, i) => byLabel.set(label, [...(byLabel.get(label) ?? []), `q${i}`]));
    const countToLabels = new Map<number, string[]>();
    for (const label of [...byLabel.keys()].sort()) {
      const count = byLabel.get(label)!.length;
      countToLabels.set(count, [...(countToLabels.get(count) ?? []), label]);
    }
    const sortedLabels: string[] = [];
    for (const count of [...countToLabels.keys()].sort((a, b) => b - a)) {
      const tied = countToLabels.get(count)!;
      rng.shuffle(tied);
      sortedLabels.push(...tied);
    }
    const examples: string[] = [];
    for (let next = 0; examples.length < k; next++) {
      const pool = byLabel.get(sortedLabels[next % sortedLabels.length]!)!;
      if (pool.length > 0) examples.push(pool.splice(rng.randrange(pool.length), 1)[0]!);
    }
    return examples;
  }

  it('reproduces HELM in-context example selection for seeds 0, 1 and 2', () => {
    const labels = ['no', 'yes', 'yes', 'maybe', 'no', 'yes', 'no', 'maybe'];
    expect(sampleExamples(labels, 5, 0)).toEqual(['q4', 'q1', 'q7', 'q6', 'q5']);
    expect(sampleExamples(labels, 5, 1)).toEqual(['q5', 'q0', 'q7', 'q1', 'q6']);
    expect(sampleExamples(labels, 5, 2)).toEqual(['q1', 'q0', 'q7', 'q2', 'q6']);
  });
});

describe('PythonRandom arguments', () => {
  it('draws the same bits through getrandbitsNumber as through getrandbits', () => {
    const a = new PythonRandom(42);
    const b = new PythonRandom(42);
    for (const k of [0, 1, 31, 32, 33, 53]) expect(BigInt(a.getrandbitsNumber(k))).toBe(b.getrandbits(k));
  });

  it('handles randbelow(2^53), whose 54-bit draws exceed a double', () => {
    const rng = new PythonRandom(3);
    for (let i = 0; i < 100; i++) {
      const r = rng.randbelow(2 ** 53);
      expect(Number.isSafeInteger(r) && r >= 0).toBe(true);
    }
  });

  it('keeps randint, randrange(start, stop), choice and uniform within their bounds', () => {
    const rng = new PythonRandom(7);
    for (let i = 0; i < 200; i++) {
      const a = rng.randint(-3, 3);
      const b = rng.randrange(10, 13);
      const u = rng.uniform(2, 5);
      expect(a >= -3 && a <= 3 && b >= 10 && b < 13 && u >= 2 && u < 5).toBe(true);
      expect(['x', 'y']).toContain(rng.choice(['x', 'y']));
    }
  });

  it('rejects what Python rejects', () => {
    const rng = new PythonRandom(0);
    expect(() => rng.randrange(0)).toThrow('empty range for randrange()');
    expect(() => rng.randrange(5, 5)).toThrow('empty range');
    expect(() => rng.randrange(1.5)).toThrow('non-integer arg 1');
    expect(() => rng.choice([])).toThrow('Cannot choose from an empty sequence');
    expect(() => rng.sample([1, 2], 3)).toThrow('Sample larger than population');
    expect(() => rng.getrandbits(-1)).toThrow('non-negative');
    expect(() => new PythonRandom(1e20)).toThrow('bigint');
  });
});
