import { describe, expect, it } from 'vitest';
import { pyTitle } from './python-title.ts';

describe('pyTitle', () => {
  it("gives CPython 3.11's str.title() results", () => {
    // {c: c.title() for c in cases}, printed by CPython 3.11.2
    const python: Record<string, string> = {
      "they're bill's friends from the UK": "They'Re Bill'S Friends From The Uk",
      "ΟΔΟΣ'A ΟΔΟΣ": "Οδοσ'A Οδος",
      'ǆemal ǅ': 'ǅemal ǅ',
      'ﬁsh ß': 'Fish Ss',
      İstanbul: 'İstanbul',
      BACKGROUND: 'Background',
      aims_and_OBJECTIVES: 'Aims_And_Objectives',
      '3rd 2ND': '3Rd 2Nd',
      '': '',
      'ÉCOLE élève': 'École Élève',
      'ΣΑΣ.Σ': 'Σασ.Σ',
      'a\u0345b': 'A\u0345b',
    };
    for (const [text, titled] of Object.entries(python)) expect(pyTitle(text)).toBe(titled);
  });
});
