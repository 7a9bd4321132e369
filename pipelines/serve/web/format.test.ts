import { describe, expect, it } from 'vitest';

const { formatNumber, cellText, paging, truncate } = await import('./format.js' as string);

describe('format', () => {
  // HELM's viewer (helm-frontend RowValue.tsx) shows String(Math.round(v * 1000) / 1000).
  it('rounds numbers to 3 decimals as HELM\'s viewer does', () => {
    expect(formatNumber(0.0004303395000000819)).toBe('0');
    expect(formatNumber(7304.25)).toBe('7304.25');
    expect(formatNumber(0.123456)).toBe('0.123');
    expect(formatNumber(10.0)).toBe('10');
    expect(formatNumber('0.5555')).toBe('0.556');
    expect(formatNumber('multiple_choice_joint')).toBe('multiple_choice_joint');
    expect(formatNumber(null)).toBe('');
  });

  it('shows a cell without a value as "-"', () => {
    expect(cellText({ markdown: false })).toBe('-');
    expect(cellText({ value: 0.0, markdown: false })).toBe('0');
    expect(cellText({ value: 'Simple Model 1' })).toBe('Simple Model 1');
  });

  it('pages: clamps the page and gives the offset', () => {
    expect(paging(1, 20, 0)).toEqual({ page: 1, pages: 1, offset: 0 });
    expect(paging(3, 20, 41)).toEqual({ page: 3, pages: 3, offset: 40 });
    expect(paging(9, 50, 120)).toEqual({ page: 3, pages: 3, offset: 100 });
    expect(truncate('abcdef', 4)).toBe('abc…');
  });
});
