import { describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors.ts';
import { PyFloat } from '../../core/py-float.ts';
import { parseObjectSpec } from './object-spec.ts';

const entries = (description: string): [string, unknown][] => [...parseObjectSpec(description).args];

describe('parseObjectSpec', () => {
  it('splits the name on the first colon and args on commas and the first equals sign', () => {
    const spec = parseObjectSpec('mmlu:subject=anatomy,model=simple/model1');
    expect(spec.name).toBe('mmlu');
    expect(entries('mmlu:subject=anatomy,model=simple/model1')).toEqual([
      ['subject', 'anatomy'],
      ['model', 'simple/model1'],
    ]);
    expect(entries('x:a=b=c,d=e:f')).toEqual([
      ['a', 'b=c'],
      ['d', 'e:f'],
    ]);
  });

  it('has no args without a colon', () => {
    expect(parseObjectSpec('gsm')).toEqual({ name: 'gsm', args: new Map() });
  });

  it('converts int, then float, else keeps the string, with no booleans', () => {
    const args = parseObjectSpec('x:a=3,b=3.0,c=0.5,d=False,e=1e-4, f =  g ').args;
    expect(args.get('a')).toBe(3);
    expect(args.get('b')).toBeInstanceOf(PyFloat);
    expect((args.get('b') as PyFloat).value).toBe(3);
    expect((args.get('c') as PyFloat).value).toBe(0.5);
    expect(args.get('d')).toBe('False');
    expect((args.get('e') as PyFloat).value).toBe(1e-4);
    expect(args.get(' f ')).toBe('  g '); // spaces are kept
  });

  it('keeps insertion order, integer-like keys included, and a repeated key keeps its first place', () => {
    expect(entries('x:b=1,2=2,a=3,b=4').map(([k]) => k)).toEqual(['b', '2', 'a']);
    expect(parseObjectSpec('x:b=1,a=3,b=4').args.get('b')).toBe(4);
  });

  it('rejects a piece without "=" (values cannot contain commas)', () => {
    expect(() => parseObjectSpec('ice:subset=a,b')).toThrow(UserError);
    expect(() => parseObjectSpec('ice:subset=a,b')).toThrow(/expected <key>=<value>, got 'b'/);
    expect(() => parseObjectSpec('mmlu:')).toThrow(/got ''/);
  });
});
