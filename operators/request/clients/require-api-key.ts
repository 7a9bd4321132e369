/** @module The API key a client needs, or a UserError naming where to set it (never a key's value). */
import { UserError } from '../../../core/errors.ts';
import type { ClientContext } from './model-client.ts';

/**
 * The deployment's API key: `client_spec.args.api_key` when the deployment sets one (HELM injects a key only into a
 * missing argument), else the credentials' lookup. None: a UserError naming the keys to set, so the deployment's
 * runs stop before any request.
 * @example const apiKey = requireApiKey(context)   // in a client factory
 */
export function requireApiKey(context: ClientContext): string {
  const fromArgs = context.args['api_key'];
  if (typeof fromArgs === 'string' && fromArgs !== '') return fromArgs;
  const key = context.credentials.apiKey();
  if (key !== undefined && key !== '') return key;
  const org = context.deploymentName.split('/')[0] ?? '';
  const where = context.credentials.apiKeyHelp ?? `${org}ApiKey: "…" in credentials.conf`;
  throw new UserError(`Model deployment '${context.deploymentName}' needs an API key and none is set. Set ${where}.`);
}
