/**
 * @module The summarize schema file: `readSchema` reads a HELM schema (YAML, or JSON when the name ends in `.json`,
 * as HELM's `read_schema`), our `configs/schema_classic.yaml` being the default. A user's own HELM schema reads the
 * same way as in HELM.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseDocument, type ScalarTag, type Tags } from 'yaml';
import { UserError } from '../../core/errors.ts';
import type { HelmSchema } from './helm-schema-types.ts';
import { ADAPTER_FIELDS } from './schema-adapter-fields.ts';
import { parseSchema, type SchemaWarning } from './schema-parse.ts';

/** HELM's default `--schema-path` (its packaged `schema_classic.yaml`): ours, with the same content. */
export const DEFAULT_SCHEMA_PATH: string = fileURLToPath(new URL('../../configs/schema_classic.yaml', import.meta.url));

// PyYAML (HELM's `yaml.safe_load`) reads YAML 1.1, where yes/no/on/off are booleans; the `yaml` package's 1.1 schema
// also takes a lone y/Y/n/N for one, which PyYAML reads as a string. Those two tags are narrowed to PyYAML's words.
const PYYAML_BOOL: Readonly<Record<string, RegExp>> = {
  true: /^(?:[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
  false: /^(?:[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
};
function pyyamlTags(tags: Tags): Tags {
  return tags.map((tag) => {
    if (typeof tag !== 'object' || tag.tag !== 'tag:yaml.org,2002:bool' || !('test' in tag) || tag.test === undefined) return tag;
    const scalar = tag as ScalarTag;
    const test = scalar.test?.test('y') ? PYYAML_BOOL['true'] : PYYAML_BOOL['false'];
    return { ...scalar, test } as ScalarTag;
  });
}

/** Parses a schema file's text (YAML as PyYAML reads it; JSON for a `.json` file), naming `file` in any error. */
export function parseSchemaText(text: string, file: string): unknown {
  if (file.endsWith('.json')) {
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      throw new UserError(`Schema ${file} is not valid JSON: ${(error as Error).message}.`, { cause: error });
    }
  }
  const doc = parseDocument(text, { version: '1.1', customTags: pyyamlTags, uniqueKeys: false });
  const error = doc.errors[0];
  if (error !== undefined) {
    const pos = error.linePos?.[0];
    const at = pos === undefined ? '' : `:${pos.line}:${pos.col}`;
    const sentence = error.message.split(/ at line \d+, column \d+/)[0]!.replace(/\.$/, '');
    throw new UserError(`Schema ${file}${at} is not valid YAML: ${sentence}.`, { cause: error });
  }
  return doc.toJS({ maxAliasCount: -1 }) as unknown;
}

export interface ReadSchemaOptions {
  /** Told what HELM would only log: keys it ignores, a deprecated `adapter:` list. Default: nothing is said. */
  readonly onWarning?: SchemaWarning;
}

/**
 * Reads a HELM schema file into a `HelmSchema`, with HELM's defaults filled in; like HELM's `read_schema`, the result's
 * `adapter` is the AdapterSpec fields (whatever the file's deprecated `adapter:` held). Bad input is a `UserError`
 * naming the file and the entry.
 * @example const schema = readSchema(options.schemaPath ?? DEFAULT_SCHEMA_PATH, { onWarning: log.warn });
 */
export function readSchema(path: string, options: ReadSchemaOptions = {}): HelmSchema {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'there is no such file' : code === 'EISDIR' ? 'it is a directory' : (error as Error).message;
    throw new UserError(
      `Cannot read the schema file ${path}: ${why}. --schema-path takes a HELM schema YAML file such as ${DEFAULT_SCHEMA_PATH}.`,
      { cause: error },
    );
  }
  return { ...parseSchema(parseSchemaText(text, path), path, options.onWarning), adapter: ADAPTER_FIELDS };
}
