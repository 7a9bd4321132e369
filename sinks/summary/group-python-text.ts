/**
 * @module The Python text HELM's group tables are made of: `str()` of run-spec values in labels and titles
 * (`dict_to_str`), and the `?group=…&runSpecs=…` links (`urllib.parse.urlencode` with `quote`).
 */
import { pythonFloatRepr, pythonJsonString } from '../../core/helm-json.ts';

/** Python's `repr()` of a string: single quotes unless it holds a `'` and no `"`. */
function pythonStringRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const c of s) {
    if (c === '\\' || c === quote) out += `\\${c}`;
    else if (c === '\n') out += '\\n';
    else if (c === '\r') out += '\\r';
    else if (c === '\t') out += '\\t';
    else if (c < ' ' || c === '\x7f') out += `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
    else out += c;
  }
  return out + quote;
}

/** Python's `repr()` of a JSON value (inside lists and dicts). */
function pythonRepr(value: unknown): string {
  return typeof value === 'string' ? pythonStringRepr(value) : pythonStr(value);
}

/**
 * Python's `str()` of a JSON value: strings as they are, `True`/`False`/`None`, lists and dicts with reprs inside.
 * JSON does not say whether `1` was the int 1 or the float 1.0; integral numbers print as ints.
 */
export function pythonStr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : pythonFloatRepr(value);
  if (Array.isArray(value)) return `[${value.map(pythonRepr).join(', ')}]`;
  const entries = Object.entries(value as Record<string, unknown>);
  return `{${entries.map(([k, v]) => `${pythonStringRepr(k)}: ${pythonRepr(v)}`).join(', ')}}`;
}

/** HELM's `dict_to_str`: `k: v, …` in key order. */
export const dictToStr = (d: Readonly<Record<string, unknown>>): string =>
  Object.entries(d)
    .map(([k, v]) => `${k}: ${pythonStr(v)}`)
    .join(', ');

/** Python's `urllib.parse.quote(s, safe='')`: everything but letters, digits and `_.-~` percent-encoded as UTF-8. */
const pythonQuote = (s: string): string =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** HELM's `get_benchmarking_url`: `?k=v&…`, spaces as `%20`. */
export const benchmarkingUrl = (params: Readonly<Record<string, string>>): string =>
  `?${Object.entries(params)
    .map(([k, v]) => `${pythonQuote(k)}=${pythonQuote(v)}`)
    .join('&')}`;

/** Python's `json.dumps(list_of_strings)`: `["a", "b"]`. */
export const pythonJsonList = (items: readonly string[]): string => `[${items.map(pythonJsonString).join(', ')}]`;
