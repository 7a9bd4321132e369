import { describe, expect, it } from 'vitest';
import { benchmarkingUrl, dictToStr, pythonJsonList, pythonStr } from './group-python-text.ts';

// Expected values printed by Python 3.11 (str, urllib.parse.urlencode with quote_via=quote, json.dumps).
describe('group-python-text', () => {
  it("writes values as Python's str(), with reprs inside lists and dicts", () => {
    expect(pythonStr({ a: [1, 'b', null, true, 1.5, "it's"], x: 'y' })).toBe(`{'a': [1, 'b', None, True, 1.5, "it's"], 'x': 'y'}`);
    expect(pythonStr(["a'b", 'a"b', 'a\nb'])).toBe(`["a'b", 'a"b', 'a\\nb']`);
    expect(dictToStr({ subject: 'anatomy', num: 3, flag: false })).toBe('subject: anatomy, num: 3, flag: False');
  });

  it('builds the ?group=…&subgroup=…&runSpecs=… link as urlencode with quote', () => {
    const url = benchmarkingUrl({
      group: 'a b/c',
      subgroup: "x: 1, it's (ok)*!~",
      runSpecs: pythonJsonList(['m:a=1,model=x/y', 'é']),
    });
    expect(url).toBe(
      '?group=a%20b%2Fc&subgroup=x%3A%201%2C%20it%27s%20%28ok%29%2A%21~' +
        '&runSpecs=%5B%22m%3Aa%3D1%2Cmodel%3Dx%2Fy%22%2C%20%22%5Cu00e9%22%5D',
    );
  });
});
