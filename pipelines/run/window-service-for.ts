/** @module The window service of a deployment (HELM `WindowServiceFactory.get_window_service`, §5.4). */
import { UserError } from '../../core/errors.ts';
import type { WindowService } from '../../core/window-service.ts';
import { localWindowService, noTokenizerWindowService } from '../../operators/adapt/window-service.ts';
import { tokenizerFor } from '../../operators/request/tokenizers/registry.ts';
import type { ModelDeployment, ModelRegistry } from './model-registry.ts';

/**
 * No tokenizer and no lengths → everything fits (NoTokenizerWindowService); otherwise the deployment's
 * tokenizer with its lengths (LocalWindowService).
 */
export function windowServiceFor(deployment: ModelDeployment, registry: ModelRegistry): WindowService {
  if (deployment.tokenizer_name === undefined) {
    if (deployment.max_sequence_length === undefined) return noTokenizerWindowService();
    throw new UserError(`Model deployment '${deployment.name}' sets max_sequence_length but no tokenizer_name.`);
  }
  const config = registry.tokenizerConfig(deployment.tokenizer_name);
  if (config === undefined) {
    throw new UserError(
      `Model deployment '${deployment.name}' names tokenizer '${deployment.tokenizer_name}', which no tokenizer_configs.yaml defines.`,
    );
  }
  if (deployment.max_sequence_length === undefined) {
    throw new UserError(`Model deployment '${deployment.name}' has a tokenizer but no max_sequence_length.`);
  }
  return localWindowService({
    tokenizerName: config.name,
    tokenizer: tokenizerFor(config.tokenizer_spec.class_name, config.name),
    maxSequenceLength: deployment.max_sequence_length,
    ...(deployment.max_request_length === undefined ? {} : { maxRequestLength: deployment.max_request_length }),
    ...(config.end_of_text_token === undefined ? {} : { endOfTextToken: config.end_of_text_token }),
    ...(config.prefix_token === undefined ? {} : { prefixToken: config.prefix_token }),
  });
}
