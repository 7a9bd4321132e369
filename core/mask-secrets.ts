/**
 * @module Secrets kept out of messages: the values of keys named like a secret (`api_key`, `apiKey`, `token`,
 * `password`, `openaiApiKey`, anything ending in `_key`/`Key`, …) and any known secret value, masked as `***`. Every
 * message built from a user's YAML configs or credentials goes through `maskSecrets`.
 */

/** Words that make a key a secret (`api_key`, `hfToken`, `client_secret`, `db_password`, `awsAccessKeyId`). */
const SECRET_WORDS = new Set([
  'key', 'apikey', 'token', 'secret', 'password', 'passwd', 'pwd', 'passphrase', 'auth', 'authorization', 'cookie',
]);
/** Keys that end like a secret but name a tokenizer's vocabulary (HELM `tokenizer_configs.yaml`), no secret. */
const NOT_SECRET_KEYS = new Set(['end_of_text_token', 'prefix_token', 'eos_token', 'bos_token', 'pad_token', 'unk_token']);

/** Values shorter than this are masked only after their key, never wherever they appear (`EMPTY`, `1`). */
const MIN_KNOWN_SECRET_LENGTH = 8;
const MASK = '***';

/** The words of a key: camelCase, snake_case, kebab-case and dotted paths split, lower-cased. */
function keyWords(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[\s_.\-/]+/)
    .filter((word) => word !== '')
    .map((word) => word.toLowerCase());
}

/**
 * Whether a key's value is a secret: one of its words is `key`, `token`, `secret`, `password`, … (`api_key`, `apiKey`,
 * `openaiApiKey`, `HF_TOKEN`, `awsAccessKeyId`; not `max_tokens`, `tokenizer_name`, `end_of_text_token`).
 */
export function isSecretKey(key: string): boolean {
  const bare = key.replace(/^["']|["']$/g, '');
  if (NOT_SECRET_KEYS.has(bare)) return false;
  return keyWords(bare).some((word) => SECRET_WORDS.has(word));
}

/**
 * `key: value` / `key = value` / `"key": "value"` as YAML, HOCON, JSON and messages write them. A key has no blank
 * and does not follow a `/` (a path such as `prod_env/api_key.txt:3` is no pair). A quoted value may be unclosed (a
 * malformed file); an unquoted one is one word (no key has a blank; a message's prose goes on after it).
 */
const KEY_VALUE = /("[^"\s]*"|'[^'\s]*'|(?<![\w$./-])[A-Za-z_$][\w$.-]*)([ \t]*[:=][ \t]*)("(?:[^"\\\n]|\\.)*"?|'[^'\n]*'?|[^\s,{}[\]#"'`][^\s,}\]#`]*)/g;

/**
 * A value that is no secret is left as it is: a placeholder (`"…"`, `***`, `...`, or one at its start; empty), `EMPTY`
 * (HELM's key for a local server that takes none), or a HOCON substitution (`${OPENAI_API_KEY}` names a variable; its
 * value is masked where it is known).
 */
const isPlaceholder = (value: string): boolean => /^["']?(?:…|\.\.\.|\*\*\*|\$\{|EMPTY["']?$|["']?$)/.test(value.trim());

interface SecretPair {
  /** Where the value starts and ends in the text (trailing blanks excluded). */
  readonly start: number;
  readonly end: number;
  readonly value: string;
}

/** The secret-named pairs of a text. A pair whose key is no secret is skipped, and its value searched for pairs too. */
function* secretPairs(text: string): Generator<SecretPair> {
  const pattern = new RegExp(KEY_VALUE);
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const [, key, separator, raw] = match;
    const start = match.index + key!.length + separator!.length;
    const value = raw!.trimEnd();
    if (isSecretKey(key!) && !isPlaceholder(value)) {
      yield { start, end: start + value.length, value };
    } else {
      pattern.lastIndex = start; // `description: see api_key: x` holds a pair inside a value
    }
  }
}

/**
 * `text` with the value of every secret-named key masked, then every known secret (of 8 characters or more) masked
 * wherever it appears.
 * @example maskSecrets('args: {api_key: sk-abc123, base_url: http://x}') === 'args: {api_key: ***, base_url: http://x}'
 */
export function maskSecrets(text: string, knownSecrets: Iterable<string> = []): string {
  let out = '';
  let done = 0;
  for (const pair of secretPairs(text)) {
    out += text.slice(done, pair.start) + MASK;
    done = pair.end;
  }
  out += text.slice(done);
  const known = [...new Set(knownSecrets)].filter((secret) => secret.length >= MIN_KNOWN_SECRET_LENGTH);
  for (const secret of known.sort((a, b) => b.length - a.length)) out = out.split(secret).join(MASK);
  return out;
}

/**
 * The secret values written in a text, found as `maskSecrets` finds them, so it works on a file too malformed to
 * parse: pass them to `maskSecrets` to mask them wherever a message quotes them (a YAML error's frame).
 */
export function secretValuesInText(text: string): string[] {
  // Quotes removed, and the colon of a YAML key (`api_key: sk-abc: x` makes `sk-abc` a key).
  return [...secretPairs(text)].map(({ value }) => value.replace(/^(["'])(.*?)\1?$/s, '$2').replace(/:$/, ''));
}

/** The secret values in parsed data: every string or number under a secret-named key (keys of nested maps too). */
export function secretValuesIn(data: unknown, isUnderSecret = false): string[] {
  if (Array.isArray(data)) return data.flatMap((item) => secretValuesIn(item, isUnderSecret));
  if (typeof data === 'object' && data !== null) {
    return Object.entries(data).flatMap(([key, value]) => [
      ...(isUnderSecret ? [key] : []),
      ...secretValuesIn(value, isUnderSecret || isSecretKey(key)),
    ]);
  }
  if (isUnderSecret && (typeof data === 'string' || typeof data === 'number')) return [String(data)];
  return [];
}
