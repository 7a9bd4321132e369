/** @module Test support: parses JSON that Python wrote, keeping its int/float distinction (`4` vs `4.0` → PyFloat). */
import { PyFloat } from '../../../core/py-float.ts';

/** Parses `text`; numbers written with `.`/`e` become PyFloat, others plain numbers (Python ints). */
export function parsePyJson(text: string): unknown {
  let at = 0;
  const fail = (what: string): never => {
    throw new SyntaxError(`${what} at ${at}`);
  };
  const skip = (): void => {
    while (at < text.length && ' \t\n\r'.includes(text[at]!)) at++;
  };
  const value = (): unknown => {
    skip();
    const ch = text[at];
    if (ch === '{') {
      at++;
      const out: Record<string, unknown> = {};
      skip();
      if (text[at] === '}') return at++, out;
      for (;;) {
        skip();
        const key = value();
        if (typeof key !== 'string') fail('key expected');
        skip();
        if (text[at++] !== ':') fail('":" expected');
        out[key as string] = value();
        skip();
        const sep = text[at++];
        if (sep === '}') return out;
        if (sep !== ',') fail('"," expected');
      }
    }
    if (ch === '[') {
      at++;
      const out: unknown[] = [];
      skip();
      if (text[at] === ']') return at++, out;
      for (;;) {
        out.push(value());
        skip();
        const sep = text[at++];
        if (sep === ']') return out;
        if (sep !== ',') fail('"," expected');
      }
    }
    if (ch === '"') {
      const start = at++;
      while (text[at] !== '"') at += text[at] === '\\' ? 2 : 1;
      at++;
      return JSON.parse(text.slice(start, at)) as string;
    }
    const literal = /^(?:true|false|null|NaN|-?Infinity|-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)/.exec(text.slice(at, at + 64));
    if (literal === null) return fail('value expected');
    at += literal[0].length;
    const word = literal[0];
    if (word === 'true') return true;
    if (word === 'false') return false;
    if (word === 'null') return null;
    const number = Number(word);
    return /[.eEaI]/.test(word) ? new PyFloat(number) : number;
  };
  const result = value();
  skip();
  if (at !== text.length) fail('trailing data');
  return result;
}
