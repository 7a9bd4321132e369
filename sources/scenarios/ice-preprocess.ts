/**
 * @module HELM's `ICEScenario.preprocess_text` (with `keep_tags=False`, as HELM always calls it): ICE's markup
 * removed from a corpus text. Python's patterns are written here for JS with their `str` meaning kept: `\d` is
 * any Unicode decimal digit, `\S` any character that is not Python whitespace, `.` anything but "\n".
 */
import { PY_SPACE_CHARS, pyStrip } from '../../core/python-text.ts';

const S = `[^${PY_SPACE_CHARS}]`; // Python's \S on str
const D = '\\p{Nd}'; // Python's \d on str

/** Deleted first, in this order. */
const DELETE: readonly RegExp[] = [
  `[WS]${D}[A-F]-${D}{3} *`,
  ' <l> ',
  '<#> ',
  `BBB${S}+ ${S}+RRR *`,
  `BBB${S}+ *`,
  `RRR${S}+ *`,
  'UUU',
  `III${S}+ *`,
].map((pattern) => new RegExp(pattern, 'gu'));

/** Then replaced, in HELM's dict order (`$1` is Python's `\1`). */
const REPLACE: readonly (readonly [RegExp, string])[] = (
  [
    ['<\\/*mention>', '"'],
    ['<\\/\\*\\*>', '*'],
    ['<\\/\\*\\*\\/>', '*'],
    ['&eacute;', 'é'],
    [' <,+>', ','],
    ['&ersand;', '&'],
    ['&obrack;', '('],
    ['&cbrack;', ')'],
    ['&percent;', '%'],
    ['&hash;', '#'],
    ['&dash', '-'],
    ['&ldquo;', '"'],
    ['&atsign;', '@'],
    ['\\n+[\\n ]+', '\n\n'],
    [`${S}+><\\+_(${S}+)>`, '$1'],
  ] as const
).map(([pattern, replacement]) => [new RegExp(pattern, 'gu'), replacement] as const);

/** Tags dropped with their contents kept (HELM's `untag` list; `ICE.+` runs to the last ">" of its line). */
const UNTAG = new RegExp(
  '<\\/*(?:' +
    [
      'I',
      'ICE[^\\n]+',
      `[\\[\\]\\{\\}]${D}*`,
      'X',
      '@',
      'quote',
      'foreign',
      'indig',
      'smallcaps',
      'roman',
      'sb',
      'ss',
      'footnote',
      'p',
      'h',
      'bold',
      'it',
      'ul',
      '\\+',
      '=',
      '\\?',
      'sp',
      '\\}',
      'ea',
      'slang',
    ].join('|') +
    ')>',
  'gu',
);

/** Tags dropped with their contents: from each closing tag back to the last opening one before it (or none). */
const REMOVE = ['O', '-', '&', '.', 'fnr', 'marginalia', 'del', 'w'];

/**
 * One ICE text without its markup, as HELM's `preprocess_text(text, keep_tags=False)` gives it.
 * @example preprocessIceText('<#> Hello <O>laughs</O> there ') // 'Hello  there'
 */
export function preprocessIceText(raw: string): string {
  let text = pyStrip(raw);
  for (const pattern of DELETE) text = text.replace(pattern, '');
  for (const [pattern, replacement] of REPLACE) text = text.replace(pattern, replacement);
  text = text.replace(UNTAG, '');
  for (const tag of REMOVE) {
    const open = `<${tag}>`;
    const close = `</${tag}>`;
    for (let end = text.indexOf(close); end >= 0; end = text.indexOf(close)) {
      const found = text.slice(0, end).lastIndexOf(open);
      const start = found === -1 ? end : found;
      text = text.slice(0, start) + text.slice(end + close.length);
    }
  }
  return pyStrip(text);
}
