/**
 * @module Python 3.11's `html.unescape`: HTML5 named character references (with or without the `;`, the longest
 * known prefix of an unknown name), decimal and hex references with the HTML5 fix-ups (Windows-1252 for 0x80–0x9F,
 * U+FFFD for NUL, surrogates and numbers past U+10FFFF, nothing for the other invalid code points). The tables are
 * CPython's, in `configs/python_html_entities.json`.
 */
import { readFileSync } from 'node:fs';

interface HtmlTables {
  readonly html5: ReadonlyMap<string, string>;
  readonly invalidCharrefs: ReadonlyMap<number, string>;
  readonly invalidCodepoints: ReadonlySet<number>;
}

let tables: HtmlTables | undefined;

function loadTables(): HtmlTables {
  const path = new URL('../configs/python_html_entities.json', import.meta.url);
  const data = JSON.parse(readFileSync(path, 'utf8')) as {
    html5: Record<string, string>;
    invalid_charrefs: Record<string, string>;
    invalid_codepoints: number[];
  };
  return {
    html5: new Map(Object.entries(data.html5)),
    invalidCharrefs: new Map(Object.entries(data.invalid_charrefs).map(([k, v]) => [Number(k), v])),
    invalidCodepoints: new Set(data.invalid_codepoints),
  };
}

// Python's `html._charref`; `u` so that `{1,32}` counts code points, as Python's str pattern does.
const CHARREF = /&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)/gu;

function numericCharref(body: string, { invalidCharrefs, invalidCodepoints }: HtmlTables): string {
  const isHex = body[1] === 'x' || body[1] === 'X';
  const digits = body.slice(isHex ? 2 : 1).replace(/;$/, '');
  // Digits past 2^53 lose precision but stay far above U+10FFFF, which is all that matters then.
  const num = parseInt(digits, isHex ? 16 : 10);
  const fixed = invalidCharrefs.get(num);
  if (fixed !== undefined) return fixed;
  if ((num >= 0xd800 && num <= 0xdfff) || num > 0x10ffff) return '\uFFFD';
  if (invalidCodepoints.has(num)) return '';
  return String.fromCodePoint(num);
}

function namedCharref(body: string, { html5 }: HtmlTables): string {
  const known = html5.get(body);
  if (known !== undefined) return known;
  const chars = Array.from(body);
  for (let x = chars.length - 1; x > 1; x--) {
    const prefix = html5.get(chars.slice(0, x).join(''));
    if (prefix !== undefined) return prefix + chars.slice(x).join('');
  }
  return `&${body}`;
}

/**
 * Python `html.unescape(text)`.
 * @example pyHtmlUnescape('Born&#160;/&nbsp;Built &amp;c &notit') // 'Born\u00a0/\u00a0Built &c ¬it'
 */
export function pyHtmlUnescape(text: string): string {
  if (!text.includes('&')) return text;
  const t = (tables ??= loadTables());
  return text.replace(CHARREF, (_match, body: string) => (body[0] === '#' ? numericCharref(body, t) : namedCharref(body, t)));
}
