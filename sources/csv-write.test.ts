import { describe, expect, it } from 'vitest';
import { pythonCsvRow } from './csv-write.ts';

describe('pythonCsvRow', () => {
  it("writes what CPython 3.11's csv.writer writes (checked with HELM's Python)", () => {
    const rows = [['a b'], [''], ['x\ry'], [' lead'], ['q"q'], ['c,d'], ['e\nf'], ['tab\tx'], ['\u2028z']];
    expect(rows.map(pythonCsvRow).join('')).toBe('a b\r\n""\r\n"x\ry"\r\n lead\r\n"q""q"\r\n"c,d"\r\n"e\nf"\r\ntab\tx\r\n\u2028z\r\n');
    expect(pythonCsvRow(['', 'b', ''])).toBe(',b,\r\n');
  });
});
