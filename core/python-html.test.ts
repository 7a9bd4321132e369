import { describe, expect, it } from 'vitest';
import { pyHtmlUnescape } from './python-html.ts';

// [input, Python 3.11.2 html.unescape(input)], computed with CPython.
const VECTORS: readonly (readonly [string, string])[] = [
  ['plain', 'plain'],
  ['Born&#160;/&nbsp;Built &amp;c &notit', 'Born\u00a0/\u00a0Built &c \u00acit'],
  [
    '&#x80;&#128;&#0;&#xD800;&#1114112;&#99999999999999999999;&#x1F600;&#11;&#x0b',
    '\u20ac\u20ac\ufffd\ufffd\ufffd\ufffd\ud83d\ude00',
  ],
  ['&amp &AMP; &ampx &lt3 &unknown; &&; &#; &#x; &x', '& & &x <3 &unknown; &&; &#; &#x; &x'],
  ['&NotNestedGreaterGreater; &ThinSpace;&Tab;x &fjlig;', '\u2aa2\u0338 \u2009\tx fj'],
  [`&${'a'.repeat(40)};`, `&${'a'.repeat(40)};`],
  ['&copy\u00e9; &not\u00e9', '\u00a9\u00e9; \u00ac\u00e9'],
  ['&#65&#x42;C&#X44', 'ABCD'],
  ['&eacute\u00e9&\ud83d\ude00;', '\u00e9\u00e9&\ud83d\ude00;'],
];

describe('pyHtmlUnescape', () => {
  it.each(VECTORS)('%j as Python 3.11 html.unescape', (input, expected) => {
    expect(pyHtmlUnescape(input)).toBe(expected);
  });
});
