/**
 * @module API keys and other provider settings (reference §6.5): the HOCON file `<local-path>/credentials.conf`, or the
 * `HELM_CREDENTIALS` environment variable holding HOCON text (the variable wins, as in HELM `get_credentials`), then
 * the providers' own environment variables. No message made here ever contains a value read from them.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../../core/errors.ts';
import { isSecretKey, maskSecrets, secretValuesInText } from '../../core/mask-secrets.ts';
import type { CredentialLookup } from '../../operators/request/clients/model-client.ts';
import { parseHoconText } from './hocon-text.ts';

/** The environment variable of each host organization's API key, read when credentials.conf has none (our addition). */
export const PROVIDER_API_KEY_ENV: Readonly<Record<string, string>> = {
  openai: 'OPENAI_API_KEY',
  anthropic: 'ANTHROPIC_API_KEY',
  together: 'TOGETHER_API_KEY',
  cohere: 'COHERE_API_KEY',
  mistralai: 'MISTRAL_API_KEY',
  google: 'GEMINI_API_KEY',
  ai21: 'AI21_API_KEY',
  groq: 'GROQ_API_KEY',
  deepseek: 'DEEPSEEK_API_KEY',
  xai: 'XAI_API_KEY',
  fireworks: 'FIREWORKS_API_KEY',
  openrouter: 'OPENROUTER_API_KEY',
  huggingface: 'HF_TOKEN',
};

export const CREDENTIALS_ENV = 'HELM_CREDENTIALS';
export const CREDENTIALS_FILE = 'credentials.conf';

/** A helm-run's credentials. */
export interface Credentials {
  /** Where the conf came from: the file's path, `HELM_CREDENTIALS`, or undefined when there is none. */
  readonly source?: string;
  /** HELM's lookups for one deployment. */
  forDeployment(deploymentName: string): CredentialLookup;
  /** `text` with every secret (API keys, tokens, the `deployments` map, providers' key variables) replaced by `***`. */
  redact(text: string): string;
}

type Conf = Readonly<Record<string, unknown>>;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Parses credentials HOCON. `source` names it in errors (a path, or HELM_CREDENTIALS), which give line and column and
 * never a value written in it.
 */
export async function parseCredentials(text: string, source: string): Promise<Conf> {
  let raw: unknown;
  try {
    raw = await parseHoconText(text, `Malformed credentials in ${source}`);
  } catch (error) {
    // The message quotes nothing of the text but punctuation and ${NAME}s; masked all the same, as every message is.
    throw error instanceof UserError ? new UserError(maskSecrets(error.message, secretValuesInText(text))) : error;
  }
  if (!isRecord(raw)) throw new UserError(`Credentials in ${source} must be an object of keys, e.g. openaiApiKey: "…".`);
  const deployments = raw['deployments'];
  if (deployments !== undefined && !isRecord(deployments)) {
    throw new UserError(`Credentials in ${source}: 'deployments' must be an object: deployments { "openai/gpt-4o": "…" }.`);
  }
  checkValues(raw, source, '');
  return raw;
}

/** A number too big to be kept exactly would silently change a key made of digits: ask for quotes. */
function checkValues(conf: Record<string, unknown>, source: string, prefix: string): void {
  for (const [key, value] of Object.entries(conf)) {
    if (typeof value === 'number' && Number.isInteger(value) && !Number.isSafeInteger(value)) {
      throw new UserError(`Credentials in ${source}: put the value of '${prefix}${key}' in quotes (as a number it would lose digits).`);
    }
    if (isRecord(value)) checkValues(value, source, `${prefix}${key}.`);
  }
}

/** A conf value as a string: strings, numbers and booleans; anything else is absent. */
function asString(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** Credentials from a parsed conf and an environment. */
export function createCredentials(conf: Conf, env: NodeJS.ProcessEnv, source?: string): Credentials {
  const deployments = isRecord(conf['deployments']) ? conf['deployments'] : {};
  const where = source === undefined ? `${CREDENTIALS_FILE} (or ${CREDENTIALS_ENV})` : source;
  const secrets = new Set<string>();
  const collect = (record: Record<string, unknown>, isSecret: boolean): void => {
    for (const [key, value] of Object.entries(record)) {
      if (isRecord(value)) collect(value, isSecret || key === 'deployments');
      const text = asString(value);
      if (text !== undefined && (isSecret || isSecretKey(key))) secrets.add(text);
    }
  };
  collect(conf, false);
  for (const name of Object.values(PROVIDER_API_KEY_ENV)) {
    const value = env[name];
    if (value !== undefined) secrets.add(value);
  }

  return {
    ...(source === undefined ? {} : { source }),
    forDeployment(deploymentName) {
      const org = deploymentName.split('/')[0] ?? '';
      const envName = PROVIDER_API_KEY_ENV[org];
      const quoted = deploymentName.includes('.') ? ` (quote the name: HOCON reads its dots as nesting)` : '';
      return {
        // HELM `provide_api_key`: `<org>ApiKey`, then `deployments[<deployment>]`; then our provider variable.
        apiKey: () =>
          asString(conf[`${org}ApiKey`]) ??
          asString(deployments[deploymentName]) ??
          (envName === undefined || env[envName] === '' ? undefined : env[envName]),
        get: (key) => asString(conf[key]),
        apiKeyHelp:
          `${org}ApiKey: "…" in ${where}, or deployments { "${deploymentName}": "…" } there${quoted}` +
          (envName === undefined ? '' : `, or the environment variable ${envName}`),
      };
    },
    redact: (text) => maskSecrets(text, secrets),
  };
}

/**
 * HELM `get_credentials`: the `HELM_CREDENTIALS` text if set and not empty, else `<localPath>/credentials.conf` if it
 * exists, else none; then the providers' environment variables as a fallback for API keys.
 * @example const credentials = await loadCredentials('prod_env'); credentials.forDeployment('openai/gpt-4o').apiKey()
 */
export async function loadCredentials(localPath: string, env: NodeJS.ProcessEnv = process.env): Promise<Credentials> {
  const fromEnv = env[CREDENTIALS_ENV];
  if (fromEnv !== undefined && fromEnv !== '') {
    return createCredentials(await parseCredentials(fromEnv, CREDENTIALS_ENV), env, CREDENTIALS_ENV);
  }
  const path = join(localPath, CREDENTIALS_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return createCredentials({}, env);
    throw new UserError(`Cannot read ${path}: ${(error as Error).message}`, { cause: error });
  }
  return createCredentials(await parseCredentials(text, path), env, path);
}
