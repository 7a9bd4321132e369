/**
 * @module HELM's model config files, read and validated: `model_deployments.yaml`, `model_metadata.yaml`,
 * `tokenizer_configs.yaml` (shapes of `model_deployment_registry.py`, `model_metadata_registry.py`,
 * `tokenizer_config_registry.py`). Extra keys are ignored, as HELM's cattrs/dacite do.
 */
import { parseDocument, type YAMLError } from 'yaml';
import { UserError } from '../../core/errors.ts';
import { maskSecrets, secretValuesIn, secretValuesInText } from '../../core/mask-secrets.ts';

/** An ObjectSpec in a config file (`client_spec`, `tokenizer_spec`, `window_service_spec`). */
export interface ConfigObjectSpec {
  readonly class_name: string;
  readonly args: Readonly<Record<string, unknown>>;
}

/** HELM's ModelDeployment. `model_name` defaults to `name`. */
export interface ModelDeployment {
  readonly name: string;
  readonly model_name: string;
  readonly tokenizer_name?: string;
  readonly max_sequence_length?: number;
  readonly max_request_length?: number;
  readonly max_sequence_and_generated_tokens_length?: number;
  readonly client_spec: ConfigObjectSpec;
  readonly window_service_spec?: ConfigObjectSpec;
  readonly deprecated: boolean;
  /** Our extension (HELM ignores the key): the deployment's request pool; CLI flags override it. */
  readonly rate_limit?: DeploymentRateLimit;
}

/** `rate_limit:` of a deployment entry (our extension); an absent field is no limit. */
export interface DeploymentRateLimit {
  readonly max_concurrency?: number;
  readonly requests_per_minute?: number;
  readonly tokens_per_minute?: number;
}

const RATE_LIMIT_FIELDS = ['max_concurrency', 'requests_per_minute', 'tokens_per_minute'] as const;

/**
 * HELM's ModelMetadata. HELM requires display_name, description, creator_organization_name and access;
 * we accept entries without them (only `name` is required).
 */
export interface ModelMetadata {
  readonly name: string;
  readonly display_name?: string;
  readonly description?: string;
  readonly creator_organization_name?: string;
  readonly access?: string;
  readonly release_date?: string;
  readonly num_parameters?: number;
  readonly deployment_names?: readonly string[];
  readonly tags: readonly string[];
}

/** HELM's TokenizerConfig. */
export interface TokenizerConfig {
  readonly name: string;
  readonly tokenizer_spec: ConfigObjectSpec;
  readonly end_of_text_token?: string;
  readonly prefix_token?: string;
}

type Raw = Record<string, unknown>;

const isRecord = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Field readers that throw a UserError naming the file, the entry and the field. */
class EntryReader {
  constructor(
    private readonly raw: Raw,
    private readonly where: string,
  ) {}

  private fail(field: string, expected: string): never {
    throw new UserError(`${this.where}: '${field}' must be ${expected}, got ${JSON.stringify(this.raw[field])}.`);
  }

  optional(field: string): unknown {
    const value = this.raw[field];
    return value === null ? undefined : value;
  }

  string(field: string): string | undefined {
    const value = this.optional(field);
    if (value === undefined || typeof value === 'string') return value;
    if (typeof value === 'number' || value instanceof Date) return this.fail(field, 'a string (quote it)');
    return this.fail(field, 'a string');
  }

  int(field: string): number | undefined {
    const value = this.optional(field);
    if (value === undefined || (typeof value === 'number' && Number.isInteger(value))) return value;
    return this.fail(field, 'an integer');
  }

  bool(field: string): boolean | undefined {
    const value = this.optional(field);
    if (value === undefined || typeof value === 'boolean') return value;
    return this.fail(field, 'true or false');
  }

  strings(field: string): string[] | undefined {
    const value = this.optional(field);
    if (value === undefined) return undefined;
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
    return this.fail(field, 'a list of strings');
  }

  /** A mapping of positive integers among RATE_LIMIT_FIELDS. */
  rateLimit(field: string): DeploymentRateLimit | undefined {
    const value = this.optional(field);
    if (value === undefined) return undefined;
    const expected = `a mapping of positive integers among ${RATE_LIMIT_FIELDS.join(', ')}`;
    if (!isRecord(value)) return this.fail(field, expected);
    const limit: Record<string, number> = {};
    for (const [key, raw] of Object.entries(value)) {
      if (raw === null) continue;
      if (!(RATE_LIMIT_FIELDS as readonly string[]).includes(key)) {
        throw new UserError(`${this.where}: unknown '${field}' field '${key}'. Valid fields: ${RATE_LIMIT_FIELDS.join(', ')}.`);
      }
      if (typeof raw !== 'number' || !Number.isInteger(raw) || raw <= 0) {
        throw new UserError(`${this.where}: '${field}.${key}' must be a positive integer, got ${JSON.stringify(raw)}.`);
      }
      limit[key] = raw;
    }
    return limit;
  }

  objectSpec(field: string): ConfigObjectSpec | undefined {
    const value = this.optional(field);
    if (value === undefined) return undefined;
    if (!isRecord(value) || typeof value['class_name'] !== 'string') {
      return this.fail(field, 'a mapping with a string class_name (and optional args)');
    }
    const args = value['args'] ?? {};
    if (!isRecord(args)) return this.fail(`${field}.args`, 'a mapping');
    return { class_name: value['class_name'], args };
  }
}

/** What each file's top-level list holds, for the message about an empty file. */
const LIST_CONTENTS: Readonly<Record<string, string>> = {
  model_deployments: 'one entry per deployment, with a name and a client_spec (see configs/model_deployments.yaml)',
  models: 'one entry per model, with a name (see configs/model_metadata.yaml)',
  tokenizer_configs: 'one entry per tokenizer, with a name and a tokenizer_spec (see configs/tokenizer_configs.yaml)',
};

/** A YAML error at file:line:column: the parser's sentence, then its frame of the lines around (masked by the caller). */
function yamlErrorMessage(error: YAMLError, file: string): string {
  const pos = error.linePos?.[0];
  const at = pos === undefined ? '' : `:${pos.line}:${pos.col}`;
  const [sentence, frame] = error.message.split(/ at line \d+, column \d+:?/);
  return `Malformed YAML in ${file}${at}: ${sentence!.replace(/\.$/, '')}.${frame === undefined || frame.trim() === '' ? '' : frame.trimEnd()}`;
}

/** Parses YAML text with its top-level list under `key`; each item must be a mapping with a string `name`. */
function readEntries(text: string, file: string, key: string): { reader: EntryReader; name: string }[] {
  const doc = parseDocument(text);
  const error = doc.errors[0];
  // Not chained as the cause: the parser's message quotes the text, secrets included.
  if (error !== undefined) throw new UserError(yamlErrorMessage(error, file));
  const root: unknown = doc.toJS();
  if (root === null || root === undefined) {
    throw new UserError(
      `${file} is empty. It should hold a top-level '${key}:' list, ${LIST_CONTENTS[key]}; ` +
        `write '${key}: []' for none, or delete the file.`,
    );
  }
  if (!isRecord(root) || !(key in root)) throw new UserError(`${file}: expected a top-level '${key}:' list.`);
  const list = root[key] ?? [];
  if (!Array.isArray(list)) throw new UserError(`${file}: '${key}' must be a list.`);
  return list.map((raw: unknown, index) => {
    if (!isRecord(raw) || typeof raw['name'] !== 'string' || raw['name'] === '') {
      throw new UserError(`${file}: ${key} entry #${index + 1} must be a mapping with a non-empty string 'name'.`);
    }
    return { name: raw['name'], reader: new EntryReader(raw, `${file}: ${key} entry '${raw['name']}'`) };
  });
}

/** The secrets of a config file: the values of secret-named keys, found in its text and, where it parses, its data. */
function secretsOf(text: string): string[] {
  const values = secretValuesInText(text);
  try {
    values.push(...secretValuesIn(parseDocument(text).toJS()));
  } catch (error) {
    // A document too broken to convert to data: the pairs found in its text are all there is to mask.
    if (!(error instanceof Error)) throw error;
  }
  return values;
}

/**
 * Reads a config file's entries into records. Every UserError about the file is masked: a value of a secret-named key
 * (`api_key` in a deployment's args) never appears in it.
 */
function parseConfigFile<T>(text: string, file: string, key: string, toRecord: (entry: { reader: EntryReader; name: string }) => T): T[] {
  try {
    return readEntries(text, file, key).map(toRecord);
  } catch (error) {
    throw error instanceof UserError ? new UserError(maskSecrets(error.message, secretsOf(text))) : error;
  }
}

/** Drops undefined fields so records satisfy exactOptionalPropertyTypes. */
function compact<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as T;
}

/** Parses a `model_deployments.yaml` text. */
export function parseModelDeployments(text: string, file: string): ModelDeployment[] {
  return parseConfigFile(text, file, 'model_deployments', ({ name, reader }) => {
    const clientSpec = reader.objectSpec('client_spec');
    if (clientSpec === undefined) {
      throw new UserError(`${file}: model_deployments entry '${name}' needs a client_spec with a class_name.`);
    }
    return compact({
      name,
      model_name: reader.string('model_name') || name,
      tokenizer_name: reader.string('tokenizer_name'),
      max_sequence_length: reader.int('max_sequence_length'),
      max_request_length: reader.int('max_request_length'),
      max_sequence_and_generated_tokens_length: reader.int('max_sequence_and_generated_tokens_length'),
      client_spec: clientSpec,
      window_service_spec: reader.objectSpec('window_service_spec'),
      deprecated: reader.bool('deprecated') ?? false,
      rate_limit: reader.rateLimit('rate_limit'),
    }) as ModelDeployment;
  });
}

/** Parses a `model_metadata.yaml` text. */
export function parseModelMetadata(text: string, file: string): ModelMetadata[] {
  return parseConfigFile(text, file, 'models', ({ name, reader }) => {
    const releaseDate = reader.optional('release_date');
    return compact({
      name,
      display_name: reader.string('display_name'),
      description: reader.string('description'),
      creator_organization_name: reader.string('creator_organization_name'),
      access: reader.string('access'),
      release_date: releaseDate instanceof Date ? releaseDate.toISOString().slice(0, 10) : reader.string('release_date'),
      num_parameters: reader.int('num_parameters'),
      deployment_names: reader.strings('deployment_names'),
      tags: reader.strings('tags') ?? [],
    }) as ModelMetadata;
  });
}

/** Parses a `tokenizer_configs.yaml` text. */
export function parseTokenizerConfigs(text: string, file: string): TokenizerConfig[] {
  return parseConfigFile(text, file, 'tokenizer_configs', ({ name, reader }) => {
    const tokenizerSpec = reader.objectSpec('tokenizer_spec');
    if (tokenizerSpec === undefined) {
      throw new UserError(`${file}: tokenizer_configs entry '${name}' needs a tokenizer_spec with a class_name.`);
    }
    return compact({
      name,
      tokenizer_spec: tokenizerSpec,
      end_of_text_token: reader.string('end_of_text_token'),
      prefix_token: reader.string('prefix_token'),
    }) as TokenizerConfig;
  });
}

/** Metadata HELM invents for a model it has no metadata for (`get_unknown_model_metadata`). */
export function unknownModelMetadata(name: string): ModelMetadata {
  return {
    name,
    display_name: name,
    description: name,
    creator_organization_name: 'Unknown',
    access: 'open',
    tags: ['TEXT_MODEL_TAG', 'FULL_FUNCTIONALITY_TEXT_MODEL_TAG'],
  };
}
