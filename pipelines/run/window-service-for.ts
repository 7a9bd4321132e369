/** @module The window service of a deployment (HELM `WindowServiceFactory.get_window_service`, §5.4). */
import { UserError, unknownNameMessage } from '../../core/errors.ts';
import { localWindowService, noTokenizerWindowService, type LocalWindowService, type LocalWindowServiceOptions } from '../../operators/adapt/window-service.ts';
import { encoderDecoderWindowService } from '../../operators/adapt/window-service-encoder-decoder.ts';
import { noDecodingWindowService } from '../../operators/adapt/window-service-no-decoding.ts';
import { defaultHubCacheDir } from '../../operators/request/tokenizers/huggingface-files.ts';
import { tokenizerFor } from '../../operators/request/tokenizers/registry.ts';
import type { ModelDeployment, ModelRegistry } from './model-registry.ts';

const DEFAULT_WINDOW_SERVICE = 'helm.benchmark.window_services.default_window_service.DefaultWindowService';
const NO_TOKENIZER_WINDOW_SERVICE = 'helm.benchmark.window_services.no_tokenizer_window_service.NoTokenizerWindowService';

/** Window services by HELM class name; each gets the deployment's options only when it needs a tokenizer. */
const windowServices = {
  [DEFAULT_WINDOW_SERVICE]: (options: () => LocalWindowServiceOptions) => localWindowService(options()),
  [NO_TOKENIZER_WINDOW_SERVICE]: () => noTokenizerWindowService(),
  'helm.benchmark.window_services.encoder_decoder_window_service.EncoderDecoderWindowService': (options: () => LocalWindowServiceOptions) =>
    encoderDecoderWindowService(options()),
  'helm.benchmark.window_services.no_decoding_window_service.NoDecodingWindowService': (options: () => LocalWindowServiceOptions) =>
    noDecodingWindowService(options()),
} as const satisfies Record<string, (options: () => LocalWindowServiceOptions) => LocalWindowService>;

export type WindowServiceClassName = keyof typeof windowServices;

/** Where tokenizer files are looked up. */
export interface WindowServiceForOptions {
  /** `--local-path`; default `prod_env`, as HELM's. */
  readonly localPath?: string;
  /** Default: `$HF_HUB_CACHE`, else `$HF_HOME/hub`, else `~/.cache/huggingface/hub`. */
  readonly hubCacheDir?: string;
}

/** The LocalWindowService options of a deployment: its tokenizer, lengths and the tokenizer config's special tokens. */
function localOptions(deployment: ModelDeployment, registry: ModelRegistry, where: WindowServiceForOptions): LocalWindowServiceOptions {
  const tokenizerName = deployment.tokenizer_name;
  if (tokenizerName === undefined) {
    throw new UserError(`Model deployment '${deployment.name}' sets context lengths but no tokenizer_name.`);
  }
  const config = registry.tokenizerConfig(tokenizerName);
  if (config === undefined) {
    throw new UserError(
      `Model deployment '${deployment.name}' names tokenizer '${tokenizerName}', which no tokenizer_configs.yaml defines.`,
    );
  }
  if (deployment.max_sequence_length === undefined) {
    throw new UserError(`Model deployment '${deployment.name}' has a tokenizer but no max_sequence_length.`);
  }
  const tokenizer = tokenizerFor(config.tokenizer_spec.class_name, {
    tokenizerName: config.name,
    args: config.tokenizer_spec.args,
    localPath: where.localPath ?? 'prod_env',
    hubCacheDir: where.hubCacheDir ?? defaultHubCacheDir(),
  });
  return {
    tokenizerName: config.name,
    tokenizer,
    maxSequenceLength: deployment.max_sequence_length,
    ...(deployment.max_request_length === undefined ? {} : { maxRequestLength: deployment.max_request_length }),
    ...(deployment.max_sequence_and_generated_tokens_length === undefined
      ? {}
      : { maxSequenceAndGeneratedTokensLength: deployment.max_sequence_and_generated_tokens_length }),
    ...(config.end_of_text_token === undefined ? {} : { endOfTextToken: config.end_of_text_token }),
    ...(config.prefix_token === undefined ? {} : { prefixToken: config.prefix_token }),
  };
}

/**
 * HELM's WindowServiceFactory: the deployment's `window_service_spec` if any; else NoTokenizerWindowService
 * when it sets no tokenizer and no length at all; else DefaultWindowService (a LocalWindowService over the
 * deployment's tokenizer, lengths and special tokens). A missing tokenizer config, length or tokenizer file
 * is a UserError here, before the run starts.
 * @example windowServiceFor(registry.requireDeployment('openai/gpt-4o'), registry, { localPath: 'prod_env' })
 */
export function windowServiceFor(
  deployment: ModelDeployment,
  registry: ModelRegistry,
  where: WindowServiceForOptions = {},
): LocalWindowService {
  const hasNoWindow =
    deployment.tokenizer_name === undefined &&
    deployment.max_sequence_length === undefined &&
    deployment.max_request_length === undefined &&
    deployment.max_sequence_and_generated_tokens_length === undefined;
  const className = deployment.window_service_spec?.class_name ?? (hasNoWindow ? NO_TOKENIZER_WINDOW_SERVICE : DEFAULT_WINDOW_SERVICE);
  if (!Object.hasOwn(windowServices, className)) {
    throw new UserError(
      `Model deployment '${deployment.name}': ${unknownNameMessage('window service', className, Object.keys(windowServices))}`,
    );
  }
  return windowServices[className as WindowServiceClassName](() => localOptions(deployment, registry, where));
}
