import { describe, expect, it } from 'vitest';
import { helmJson, pythonFloatRepr, pythonJsonString } from './helm-json.ts';
import { PyFloat } from './py-float.ts';
import { Stat } from './stat.ts';

describe('pythonFloatRepr', () => {
  it.each([
    [1e-5, '1e-05'],
    [1.919269561767578e-5, '1.919269561767578e-05'],
    [3.6835956507275114e-10, '3.6835956507275114e-10'],
    [1e16, '1e+16'],
    [1.5e16, '1.5e+16'],
    [1e22, '1e+22'],
    [1.7976931348623157e308, '1.7976931348623157e+308'],
    [5e-324, '5e-324'],
    [0.0001, '0.0001'],
    [0.00012345, '0.00012345'],
    [123456789012345.0, '123456789012345.0'],
    [1234567890123456.0, '1234567890123456.0'],
    [9999999999999998.0, '9999999999999998.0'],
    [4, '4.0'],
    [1336.2, '1336.2'],
    [1785430.4400000002, '1785430.4400000002'],
    [0.1, '0.1'],
    [0.5, '0.5'],
    [1 / 3, '0.3333333333333333'],
    [-2.5e-7, '-2.5e-07'],
    [-1234.5, '-1234.5'],
    [0, '0.0'],
    [-0, '-0.0'],
    [NaN, 'NaN'],
    [Infinity, 'Infinity'],
    [-Infinity, '-Infinity'],
  ])('prints %s as Python does: %s', (x, expected) => {
    expect(pythonFloatRepr(x)).toBe(expected);
  });
});

describe('pythonJsonString', () => {
  it('escapes like json.dumps with ensure_ascii=True', () => {
    expect(pythonJsonString('a "q" \\ /')).toBe('"a \\"q\\" \\\\ /"');
    expect(pythonJsonString('\n\r\t\b\f')).toBe('"\\n\\r\\t\\b\\f"');
    expect(pythonJsonString('\u0000\u001f\u007f')).toBe('"\\u0000\\u001f\\u007f"');
    expect(pythonJsonString('é—€')).toBe('"\\u00e9\\u2014\\u20ac"');
    expect(pythonJsonString('𝔸')).toBe('"\\ud835\\udd38"');
    expect(pythonJsonString('\u2028')).toBe('"\\u2028"');
  });
});

describe('helmJson', () => {
  it('writes ints without .0, floats with, and PyFloat always as a float', () => {
    expect(helmJson(4)).toBe('4');
    expect(helmJson(-0)).toBe('0');
    expect(helmJson(1e21)).toBe('1000000000000000000000');
    expect(helmJson(0.25)).toBe('0.25');
    expect(helmJson(new PyFloat(4))).toBe('4.0');
    expect(helmJson(new PyFloat(1e-5))).toBe('1e-05');
    expect(helmJson(10n)).toBe('10');
  });

  it('uses Python separators and indentation, with empty containers inline', () => {
    const value = { a: [], b: {}, c: [1, { d: true, e: null }], f: 'x' };
    expect(helmJson(value)).toBe(
      '{\n  "a": [],\n  "b": {},\n  "c": [\n    1,\n    {\n      "d": true,\n      "e": null\n    }\n  ],\n  "f": "x"\n}',
    );
    expect(helmJson([])).toBe('[]');
    expect(helmJson({})).toBe('{}');
  });

  it('drops undefined fields (HELM drops None) but keeps null and falsy values', () => {
    expect(helmJson({ a: undefined, b: 0, c: '', d: false, e: null })).toBe(
      '{\n  "b": 0,\n  "c": "",\n  "d": false,\n  "e": null\n}',
    );
    expect(helmJson({ a: undefined })).toBe('{}');
  });

  it('indents nested lines relative to the level, leaving the first line bare', () => {
    expect(helmJson({ k: [1] }, 2, 2)).toBe('{\n      "k": [\n        1\n      ]\n    }');
    expect(helmJson({ k: 1 }, 4)).toBe('{\n    "k": 1\n}');
  });

  it('writes, inside records, the numbers JS would print otherwise as Python does', () => {
    const record = { small: 1e-5, tiny: 2.5e-7, big: 1e21, nan: NaN, inf: -Infinity, float: new PyFloat(1e-5), nanFloat: new PyFloat(NaN) };
    expect(helmJson(record)).toBe(
      '{\n  "small": 1e-05,\n  "tiny": 2.5e-07,\n  "big": 1000000000000000000000,\n  "nan": NaN,\n  "inf": -Infinity,' +
        '\n  "float": 1e-05,\n  "nanFloat": NaN\n}',
    );
    expect(helmJson([0.0001, 0.00001, new PyFloat(2), [null]])).toBe('[\n  0.0001,\n  1e-05,\n  2.0,\n  [\n    null\n  ]\n]');
  });

  it('escapes non-ASCII text and DEL in values and keys at any level', () => {
    expect(helmJson({ 'clé': ['é—€𝔸\u007f', new PyFloat(0.5)] }, 2, 1)).toBe(
      '{\n    "cl\\u00e9": [\n      "\\u00e9\\u2014\\u20ac\\ud835\\udd38\\u007f",\n      0.5\n    ]\n  }',
    );
  });

  it('escapes keys and calls toJSON of other objects', () => {
    expect(helmJson({ 'é': new Date(0) })).toBe('{\n  "\\u00e9": "1970-01-01T00:00:00.000Z"\n}');
  });

  it('writes an int-valued per-instance stat exactly as HELM does', () => {
    const stat = new Stat({ name: 'num_references', split: 'test' }).add(4);
    // per_instance_stats.json of the golden MMLU run (HELM 0.5.16), first stat, at its nesting level.
    const golden = [
      '{',
      '        "name": {',
      '          "name": "num_references",',
      '          "split": "test"',
      '        },',
      '        "count": 1,',
      '        "sum": 4,',
      '        "sum_squared": 16,',
      '        "min": 4,',
      '        "max": 4,',
      '        "mean": 4.0,',
      '        "variance": 0.0,',
      '        "stddev": 0.0',
      '      }',
    ].join('\n');
    expect(helmJson(stat.toJson(), 2, 3)).toBe(golden);
    expect(helmJson(stat.toJson(), 2, 0)).toBe(golden.replace(/\n {6}/g, '\n'));
  });

  it('writes a float stat with Python float repr, as in the golden stats.json', () => {
    const stat = new Stat({ name: 'inference_runtime', split: 'test' }).add(new PyFloat(1.919269561767578e-5));
    expect(helmJson(stat.toJson(), 2, 1)).toBe(
      [
        '{',
        '    "name": {',
        '      "name": "inference_runtime",',
        '      "split": "test"',
        '    },',
        '    "count": 1,',
        '    "sum": 1.919269561767578e-05,',
        '    "sum_squared": 3.6835956507275114e-10,',
        '    "min": 1.919269561767578e-05,',
        '    "max": 1.919269561767578e-05,',
        '    "mean": 1.919269561767578e-05,',
        '    "variance": 0.0,',
        '    "stddev": 0.0',
        '  }',
      ].join('\n'),
    );
  });

  it('writes an empty stat with only name, count, sum and sum_squared', () => {
    expect(helmJson(new Stat({ name: 'x', split: 'test' }).toJson())).toBe(
      '{\n  "name": {\n    "name": "x",\n    "split": "test"\n  },\n  "count": 0,\n  "sum": 0,\n  "sum_squared": 0\n}',
    );
  });
});
