import { describe, expect, it } from 'vitest';
import { helmJson } from './helm-json.ts';
import { PyFloat } from './py-float.ts';
import { jsonField, parsePythonJson } from './python-json.ts';

// Each expected text is Python 3's json.dumps(json.loads(input), indent=2).
describe('parsePythonJson', () => {
  it('keeps floats as floats, big ints exact, and reads NaN and the infinities', () => {
    const input = '{"a": 1.0, "b": 1, "c": 1e-05, "d": 12345678901234567890, "e": -0.0, "f": 2.5E3, "g": [NaN, Infinity, -Infinity]}';
    const value = parsePythonJson(input);
    expect(jsonField(value, 'a')).toEqual(new PyFloat(1));
    expect(jsonField(value, 'b')).toBe(1);
    expect(jsonField(value, 'd')).toBe(12345678901234567890n);
    expect(helmJson(value)).toBe(
      '{\n  "a": 1.0,\n  "b": 1,\n  "c": 1e-05,\n  "d": 12345678901234567890,\n  "e": -0.0,\n  "f": 2500.0,\n  "g": [\n    NaN,\n    Infinity,\n    -Infinity\n  ]\n}',
    );
  });

  it('keeps the file order of integer-like keys (a JS object would sort them first), a repeated key last-valued', () => {
    const value = parsePythonJson('{"10": "x", "b": {"2": 3, "1": 4}, "2": null, "10": "last"}');
    expect(jsonField(value, '10')).toBe('last');
    expect(helmJson(value)).toBe('{\n  "10": "last",\n  "b": {\n    "2": 3,\n    "1": 4\n  },\n  "2": null\n}');
  });

  it('decodes escapes and surrogate pairs, and reads __proto__ as a plain key', () => {
    const value = parsePythonJson('{"s": "caf\\u00e9 \\"q\\" \\\\ \\n \\ud83d\\ude00 \u00e9", "__proto__": {"x": 1}, "t": true, "u": false, "v": []}');
    expect(jsonField(value, 's')).toBe('caf\u00e9 "q" \\ \n \u{1F600} \u00e9');
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(helmJson(value)).toBe(
      '{\n  "s": "caf\\u00e9 \\"q\\" \\\\ \\n \\ud83d\\ude00 \\u00e9",\n  "__proto__": {\n    "x": 1\n  },\n  "t": true,\n  "u": false,\n  "v": []\n}',
    );
  });

  it('says where the text stops being JSON', () => {
    expect(() => parsePythonJson('{"a": [1, 2}')).toThrow(/invalid JSON at character 11: expected ',' or '\]'/);
    expect(() => parsePythonJson('{"a": "open')).toThrow(/unterminated string/);
    expect(() => parsePythonJson('[1] x')).toThrow(/unexpected text after the value/);
  });
});
