/**
 * @module The wire format of Google's batch endpoint as HELM's Perspective API client uses it (google-api-python-client
 * `BatchHttpRequest`): one `POST <root>/batch` whose `multipart/mixed` body holds one `application/http` part per
 * `POST /v1alpha1/comments:analyze` call, each named by a `Content-ID: <base + quote(id)>`; the answer is a
 * `multipart/mixed` body of HTTP responses whose Content-IDs (`<response-base + quote(id)>`) name the calls. Pure.
 */

/** The body of one `comments:analyze` call (HELM `create_request_body`). */
export interface AnalyzeCommentBody {
  readonly comment: { readonly text: string };
  readonly requestedAttributes: Readonly<Record<string, Record<string, never>>>;
  readonly languages: readonly string[];
  readonly spanAnnotations: true;
}

/** One call of a batch: its id (HELM uses the text itself) and its body. */
export interface BatchCall {
  readonly id: string;
  readonly body: AnalyzeCommentBody;
}

/** One answer of a batch: the HTTP status of the call and its body text. */
export interface BatchAnswer {
  readonly status: number;
  readonly body: string;
}

/** The path of the analyze method (discovery document of commentanalyzer v1alpha1). */
export const ANALYZE_PATH = '/v1alpha1/comments:analyze';

const UNRESERVED = /[A-Za-z0-9_.\-~/]/;

/** Python's `urllib.parse.quote(s)` (safe "/"): UTF-8 bytes, every byte but letters, digits and `_.-~/` as %XX. */
export function pythonQuote(text: string): string {
  let out = '';
  for (const char of text) {
    if (UNRESERVED.test(char)) out += char;
    else for (const byte of Buffer.from(char, 'utf8')) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** Python's `urllib.parse.unquote(s)`: %XX runs decoded as UTF-8, undecodable bytes as U+FFFD. */
export function pythonUnquote(text: string): string {
  return text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    const bytes = Buffer.from(run.replace(/%/g, ''), 'hex');
    return new TextDecoder('utf-8').decode(bytes);
  });
}

/** JSON as Python's `json.dumps` writes it by default as far as bytes go: every non-ASCII character escaped. */
const asciiJson = (value: unknown): string =>
  JSON.stringify(value).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/**
 * The batch request: its content type and body. `baseId` is the batch's UUID, `boundary` the MIME boundary (both
 * random in google-api-python-client), `host` the `Host` header of the inner requests.
 */
export function encodeBatch(
  calls: readonly BatchCall[],
  options: { readonly apiKey: string; readonly host: string; readonly baseId: string; readonly boundary: string },
): { readonly contentType: string; readonly body: string } {
  const query = `key=${encodeURIComponent(options.apiKey)}&alt=json`;
  const parts = calls.map((call) => {
    const json = asciiJson(call.body);
    return [
      `--${options.boundary}`,
      'Content-Type: application/http',
      'MIME-Version: 1.0',
      'Content-Transfer-Encoding: binary',
      `Content-ID: <${options.baseId} + ${pythonQuote(call.id)}>`,
      '',
      `POST ${ANALYZE_PATH}?${query} HTTP/1.1`,
      'Content-Type: application/json',
      'MIME-Version: 1.0',
      'accept: application/json',
      `content-length: ${json.length}`,
      `Host: ${options.host}`,
      '',
      json,
    ].join('\r\n');
  });
  return {
    contentType: `multipart/mixed; boundary="${options.boundary}"`,
    body: `${parts.join('\r\n')}\r\n--${options.boundary}--\r\n`,
  };
}

/** A batch answer that is not in the format above (google-api-python-client's BatchError). */
export class BatchFormatError extends Error {
  override readonly name = 'BatchFormatError';
}

/** The boundary of a `multipart/mixed` content type. */
function boundaryOf(contentType: string): string {
  if (!/^\s*multipart\/mixed\s*;/i.test(contentType)) throw new BatchFormatError(`Response not in multipart/mixed format (content-type ${JSON.stringify(contentType)}).`);
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2];
  if (boundary === undefined) throw new BatchFormatError(`No boundary in the batch response's content-type ${JSON.stringify(contentType)}.`);
  return boundary;
}

/** Splits a header block (folded lines unfolded) from what follows the first blank line (CRLF or LF endings). */
function splitHead(text: string): { readonly head: string[]; readonly rest: string } {
  const match = /\r?\n\r?\n/.exec(text);
  const head = match === null ? text : text.slice(0, match.index);
  return { head: head.replace(/\r?\n(?=[ \t])/g, '').split(/\r?\n/), rest: match === null ? '' : text.slice(match.index + match[0].length) };
}

const headerValue = (head: readonly string[], name: string): string | undefined => {
  const prefix = `${name.toLowerCase()}:`;
  const line = head.find((l) => l.toLowerCase().startsWith(prefix));
  return line?.slice(prefix.length).trim();
};

/** The call id a part's Content-ID names (google-api-python-client `_header_to_id`). */
function idOf(contentId: string | undefined): string {
  if (contentId === undefined || !contentId.startsWith('<') || !contentId.endsWith('>') || !contentId.includes(' + ')) {
    throw new BatchFormatError(`Invalid value for Content-ID: ${contentId ?? '(none)'}`);
  }
  return pythonUnquote(contentId.slice(1, -1).split(' + ').slice(1).join(' + '));
}

/** The answers of a batch response by call id. */
export function decodeBatch(contentType: string, body: string): Map<string, BatchAnswer> {
  const delimiter = `--${boundaryOf(contentType)}`;
  const answers = new Map<string, BatchAnswer>();
  const sections = body.split(delimiter).slice(1); // before the first delimiter: the preamble
  for (const section of sections) {
    if (section.startsWith('--')) break; // the closing delimiter
    const part = section.replace(/^[ \t]*\r?\n/, '').replace(/\r?\n$/, '');
    const { head, rest } = splitHead(part);
    const id = idOf(headerValue(head, 'Content-ID'));
    const statusLine = /^HTTP\/\d(?:\.\d)? (\d{3})/.exec(rest);
    if (statusLine === null) throw new BatchFormatError(`The batch answer for ${JSON.stringify(id)} has no HTTP status line.`);
    answers.set(id, { status: Number(statusLine[1]), body: splitHead(rest).rest });
  }
  return answers;
}
