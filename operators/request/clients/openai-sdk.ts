/**
 * @module What HELM's OpenAI-protocol clients share when they are made: their checked `client_spec.args`, the API
 * key lookup, and the official SDK client (never retrying: the shared retry wrapper does).
 */
import OpenAI from 'openai';
import { UserError } from '../../../core/errors.ts';
import type { ClientContext } from './model-client.ts';
import { keepAliveFetch } from './keep-alive-fetch.ts';

/** Typed access to a deployment's `client_spec.args` (see `argsReader`). */
export type ArgsReader = ReturnType<typeof argsReader>;

/**
 * Reads and checks `client_spec.args`: an arg not in `valid`, or of the wrong type, is a UserError naming the
 * deployment, the argument and what is valid. A YAML null counts as unset.
 * @example const args = argsReader(context, ['api_key', 'base_url']); args.string('base_url')
 */
export function argsReader(context: ClientContext, valid: readonly string[]) {
  const where = `Model deployment '${context.deploymentName}'`;
  const unknown = Object.keys(context.args).filter((name) => !valid.includes(name));
  if (unknown.length > 0) {
    throw new UserError(`${where}: unknown client_spec arg(s) ${unknown.join(', ')}. Valid args: ${valid.join(', ')}.`);
  }
  const value = (name: string): unknown => (context.args[name] === null ? undefined : context.args[name]);
  return {
    string(name: string): string | undefined {
      const v = value(name);
      if (v === undefined || typeof v === 'string') return v;
      throw new UserError(`${where}: client_spec arg '${name}' must be a string.`);
    },
    number(name: string): number | undefined {
      const v = value(name);
      if (v === undefined || (typeof v === 'number' && v > 0)) return v;
      throw new UserError(`${where}: client_spec arg '${name}' must be a positive number.`);
    },
    strings(name: string): Record<string, string> | undefined {
      const v = value(name);
      if (v === undefined) return undefined;
      if (typeof v === 'object' && !Array.isArray(v) && Object.values(v as object).every((x) => typeof x === 'string')) {
        return v as Record<string, string>;
      }
      throw new UserError(`${where}: client_spec arg '${name}' must be a mapping of strings.`);
    },
  };
}

/**
 * The API key as HELM finds it when the deployment's args give none (HELM injects a key only into a missing
 * `api_key` arg): credentials.conf (`<org>ApiKey`, `deployments`), then OPENAI_API_KEY. None: a UserError naming
 * where to set one, never a key's value.
 * @example const apiKey = args.string('api_key') ?? openaiApiKey(context)
 */
export function openaiApiKey(context: ClientContext, environment: Readonly<Record<string, string | undefined>> = process.env): string {
  const key = context.credentials.apiKey() ?? environment['OPENAI_API_KEY'];
  if (key !== undefined && key !== '') return key;
  const name = context.deploymentName;
  const help =
    context.credentials.apiKeyHelp ??
    `${name.split('/')[0]}ApiKey (or deployments: {"${name}": ...}) in <local-path>/credentials.conf (default prod_env/credentials.conf, or HOCON text in HELM_CREDENTIALS)`;
  const env = help.includes('OPENAI_API_KEY') ? '' : ', or the OPENAI_API_KEY environment variable';
  throw new UserError(
    `Model deployment '${name}' needs an API key and none is set. Set ${help}${env}. ` +
      "A local OpenAI-compatible server without keys takes `api_key: EMPTY` in the deployment's client_spec args.",
  );
}

/**
 * The SDK client of a deployment: `base_url` from its args or `<org>BaseUrl` in credentials.conf (HELM's injected
 * `base_url`), the organization from `org_id` or `<org>OrgId` unless `withOrganization` is false (HELM's vLLM clients
 * pass None), and the SDK options HELM forwards (`project`, `timeout` in seconds, `default_headers`, `default_query`)
 * where the args allow them. `maxRetries: 0`: retries belong to the shared wrapper.
 */
export function openaiSdk(context: ClientContext, args: ArgsReader, apiKey: string, options: { withOrganization: boolean }): OpenAI {
  const org = context.deploymentName.split('/')[0] ?? '';
  const timeoutSeconds = args.number('timeout');
  return new OpenAI({
    apiKey,
    baseURL: args.string('base_url') ?? context.credentials.get(`${org}BaseUrl`),
    organization: options.withOrganization ? (args.string('org_id') ?? context.credentials.get(`${org}OrgId`)) : undefined,
    project: args.string('project'),
    maxRetries: 0, // HELM's max_retries arg, where accepted, is not used
    fetch: keepAliveFetch,
    ...(timeoutSeconds === undefined ? {} : { timeout: timeoutSeconds * 1000 }),
    ...optionalField('defaultHeaders', args.strings('default_headers')),
    ...optionalField('defaultQuery', args.strings('default_query')),
  });
}

/** `{ [key]: value }`, or `{}` when value is undefined (for exactOptionalPropertyTypes). */
export function optionalField<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
