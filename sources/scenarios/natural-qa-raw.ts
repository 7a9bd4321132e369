/**
 * @module The NaturalQuestions side of HELM's NaturalQAScenario: a Google NQ record (one line of `nq-dev-NN.jsonl.gz`)
 * reduced to HELM's RawInstance (title, detokenized document, question, one long and one short answer per short
 * answer span), and that record as a line of HELM's `<shard>-instances.jsonl` cache.
 */
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { UserError } from '../../core/errors.ts';
import { pythonJsonString } from '../../core/helm-json.ts';
import { pyHtmlUnescape } from '../../core/python-html.ts';
import { pySliceBounds } from '../../core/python-slice.ts';

/** HELM's `natural_qa_scenario.RawInstance`, field order kept (it is the cache's key order). */
export interface NaturalQaRaw {
  readonly title: string;
  readonly document: string;
  readonly question: string;
  readonly long_answers: readonly string[];
  readonly short_answers: readonly string[];
}

type Json = Readonly<Record<string, unknown>>;
const isRecord = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);

function field<T>(record: Json, name: string, check: (x: unknown) => x is T, what: string, where: string): T {
  const value = record[name];
  if (!check(value)) throw new UserError(`${where}: expected '${name}' to be ${what} (the NaturalQuestions record format).`);
  return value;
}
const isString = (x: unknown): x is string => typeof x === 'string';
const isInt = (x: unknown): x is number => Number.isSafeInteger(x);
const isArray = (x: unknown): x is readonly unknown[] => Array.isArray(x);

const TAG = /<[^>]*>/g;

/** HELM `_clean_token`: spaces → "_", HTML entities unescaped, tags removed. */
const cleanToken = (token: string): string => pyHtmlUnescape(token.replaceAll(' ', '_')).replace(TAG, '');

/** HELM `_clean_text` of `html[start:end]` (UTF-8 bytes, Python's slice): U+00A0 → " ", entities unescaped, tags removed. */
function cleanSpan(html: Buffer, span: Json, where: string): string {
  const start = field(span, 'start_byte', isInt, 'an integer', where);
  const end = field(span, 'end_byte', isInt, 'an integer', where);
  const [from, to] = pySliceBounds(html.length, start, end);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(html.subarray(from, to));
  } catch (cause) {
    throw new UserError(`${where}: bytes ${start}..${end} of document_html are not whole UTF-8 characters (HELM fails to decode them too).`, { cause });
  }
  return pyHtmlUnescape(text.replaceAll('\u00a0', ' ')).replace(TAG, '');
}

/**
 * HELM `create_raw_instance`, for a record that has a short answer in some annotation (HELM skips the others:
 * `undefined` here). Each short answer span comes with its annotation's long answer, so the two lists align.
 */
export function naturalQaRaw(sample: Json, where: string): NaturalQaRaw | undefined {
  const annotations = field(sample, 'annotations', isArray, 'a list', where).map((a, i) => {
    if (!isRecord(a)) throw new UserError(`${where}: annotations[${i}] must be an object.`);
    return a;
  });
  const shortAnswersOf = (annotation: Json): readonly unknown[] => field(annotation, 'short_answers', isArray, 'a list', where);
  if (!annotations.some((a) => shortAnswersOf(a).length > 0)) return undefined;

  const tokens = field(sample, 'document_tokens', isArray, 'a list', where);
  const document = tokens
    .map((t, i) => cleanToken(field(isRecord(t) ? t : {}, 'token', isString, 'a string', `${where}: document_tokens[${i}]`)))
    .join(' ');
  const html = Buffer.from(field(sample, 'document_html', isString, 'a string', where), 'utf8');
  const longAnswers: string[] = [];
  const shortAnswers: string[] = [];
  for (const annotation of annotations) {
    const long = field(annotation, 'long_answer', isRecord, 'an object', where);
    const longText = cleanSpan(html, long, `${where}: long_answer`);
    for (const short of shortAnswersOf(annotation)) {
      if (!isRecord(short)) throw new UserError(`${where}: a short answer must be {"start_byte", "end_byte", ...}.`);
      shortAnswers.push(cleanSpan(html, short, `${where}: short_answer`));
      longAnswers.push(longText);
    }
  }
  return {
    title: field(sample, 'document_title', isString, 'a string', where),
    document,
    question: field(sample, 'question_text', isString, 'a string', where),
    long_answers: longAnswers,
    short_answers: shortAnswers,
  };
}

const jsonList = (items: readonly string[]): string => `[${items.map(pythonJsonString).join(', ')}]`;

/** One line of HELM's `-instances.jsonl` cache: Python `json.dumps` of the RawInstance (ensure_ascii, ", "/": "). */
export const naturalQaCacheLine = (raw: NaturalQaRaw): string =>
  `{"title": ${pythonJsonString(raw.title)}, "document": ${pythonJsonString(raw.document)}, ` +
  `"question": ${pythonJsonString(raw.question)}, "long_answers": ${jsonList(raw.long_answers)}, ` +
  `"short_answers": ${jsonList(raw.short_answers)}}`;

const isStringList = (x: unknown): x is readonly string[] => Array.isArray(x) && x.every(isString);

/** A cache line read back as HELM's `dacite.from_dict(RawInstance, …)` does: every field present and typed. */
export function parseNaturalQaCacheRecord(record: Json, where: string): NaturalQaRaw {
  return {
    title: field(record, 'title', isString, 'a string', where),
    document: field(record, 'document', isString, 'a string', where),
    question: field(record, 'question', isString, 'a string', where),
    long_answers: field(record, 'long_answers', isStringList, 'a list of strings', where),
    short_answers: field(record, 'short_answers', isStringList, 'a list of strings', where),
  };
}

/**
 * The lines of a gzipped file as Python's `for line in gzip.open(path)` gives them (split at b"\n" only), as UTF-8
 * text, streamed; with their 1-based numbers. A file that is not gzip is a UserError naming it.
 */
export async function* readGzipLines(path: string): AsyncGenerator<{ readonly text: string; readonly line: number }> {
  const lines = pipeline(createReadStream(path), createGunzip(), () => undefined);
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const decode = (parts: Buffer[], line: number): string => {
    try {
      return decoder.decode(parts.length === 1 ? parts[0] : Buffer.concat(parts));
    } catch (cause) {
      throw new UserError(`${path}:${line} is not valid UTF-8 text.`, { cause });
    }
  };
  let parts: Buffer[] = [];
  let line = 0;
  try {
    for await (const chunk of lines as AsyncIterable<Buffer>) {
      let start = 0;
      for (let newline = chunk.indexOf(10); newline >= 0; newline = chunk.indexOf(10, start)) {
        parts.push(chunk.subarray(start, newline));
        line++;
        yield { text: decode(parts, line), line };
        parts = [];
        start = newline + 1;
      }
      if (start < chunk.length) parts.push(chunk.subarray(start));
    }
  } catch (cause) {
    if (cause instanceof UserError) throw cause;
    throw new UserError(`${path}: cannot read it as gzip (${(cause as Error).message}); delete it to download it again.`, { cause });
  } finally {
    lines.destroy();
  }
  if (parts.length > 0) yield { text: decode(parts, line + 1), line: line + 1 };
}
