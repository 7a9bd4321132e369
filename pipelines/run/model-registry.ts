/**
 * @module The model registry: built-in `configs/*.yaml`, then the user's `<local-path>/*.yaml`, registered
 * in HELM's order (`config_registry.py`: per directory metadata → tokenizers → deployments). A later entry
 * of the same name replaces an earlier one.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unknownNameMessage, UserError } from '../../core/errors.ts';
import {
  parseModelDeployments,
  parseModelMetadata,
  parseTokenizerConfigs,
  unknownModelMetadata,
  type ModelDeployment,
  type ModelMetadata,
  type TokenizerConfig,
} from './model-configs.ts';

export type { ModelDeployment, ModelMetadata, TokenizerConfig } from './model-configs.ts';

/** The directory of built-in configs (`configs/` at the project root). */
export const BUILTIN_CONFIG_DIR = fileURLToPath(new URL('../../configs/', import.meta.url));

/** The three config files HELM reads from a directory. */
export const CONFIG_FILES = {
  modelMetadata: 'model_metadata.yaml',
  tokenizerConfigs: 'tokenizer_configs.yaml',
  modelDeployments: 'model_deployments.yaml',
} as const;

/** One directory's worth of configs, already parsed. */
export interface ModelConfigLayer {
  readonly models: readonly ModelMetadata[];
  readonly tokenizerConfigs: readonly TokenizerConfig[];
  readonly deployments: readonly ModelDeployment[];
}

/** Models, deployments and tokenizers by name, as HELM's registries answer them. */
export interface ModelRegistry {
  /** The deployment of this name, or undefined. */
  deployment(name: string): ModelDeployment | undefined;
  /** The deployment of this name; a UserError with close names otherwise. */
  requireDeployment(name: string): ModelDeployment;
  /** The metadata of this model, or undefined (HELM then warns and uses `unknownModelMetadata`). */
  model(name: string): ModelMetadata | undefined;
  /** The tokenizer config of this name, or undefined. */
  tokenizerConfig(name: string): TokenizerConfig | undefined;
  /**
   * HELM `get_default_model_deployment_for_model`: the last non-deprecated deployment whose model_name
   * is `model`, else the last such deployment at all, else undefined.
   */
  defaultDeploymentForModel(model: string): string | undefined;
  /** Names of the models with this tag, in registration order. */
  modelsWithTag(tag: string): string[];
  /** Every model name (HELM `get_all_models`), in registration order. */
  allModelNames(): string[];
  /** Every deployment name, in registration order. */
  allDeploymentNames(): string[];
}

/**
 * What to tell a user whose model or deployment name is unknown and looks like GPT-2 (`gpt2`,
 * `openai-community/gpt2`, `gpt2-medium`, …): what is built in, and how a GGUF model is added. Empty for other names.
 */
export function modelSetupHint(name: string): string {
  if (!/gpt-?2/i.test(name)) return '';
  return (
    " GPT-2 is built in: model=openai/gpt2 (HELM's deployment huggingface/gpt2), run in process by llama.cpp from a GGUF " +
    'file that helm-run fetches once from the Hugging Face hub into <local-path>/models/ (README "Local models in ' +
    'process"). Other GGUF models, GPT-2 sizes included, need a deployment of their own with model_path or ' +
    'hf_repo/hf_file: see configs/examples/local-llama-cpp/.'
  );
}

/**
 * Builds a registry from layers applied in order. A deployment whose model has no metadata registers
 * HELM's unknown-model metadata (TEXT + FULL_FUNCTIONALITY tags), as `register_model_deployment` does,
 * so that model joins `model=text` and `model=all`.
 */
export function createModelRegistry(layers: readonly ModelConfigLayer[]): ModelRegistry {
  const models = new Map<string, ModelMetadata>();
  const tokenizers = new Map<string, TokenizerConfig>();
  const deployments = new Map<string, ModelDeployment>();
  // HELM's ALL_MODEL_DEPLOYMENTS is append-only (a redefined deployment stays listed at its old place
  // too); the default-deployment choice ("the last one") depends on that list, so we keep it.
  const deploymentHistory: ModelDeployment[] = [];
  for (const layer of layers) {
    for (const model of layer.models) models.set(model.name, model);
    for (const tokenizer of layer.tokenizerConfigs) tokenizers.set(tokenizer.name, tokenizer);
    for (const deployment of layer.deployments) {
      deployments.set(deployment.name, deployment);
      deploymentHistory.push(deployment);
      if (!models.has(deployment.model_name)) models.set(deployment.model_name, unknownModelMetadata(deployment.model_name));
    }
  }
  return {
    deployment: (name) => deployments.get(name),
    requireDeployment(name) {
      const found = deployments.get(name);
      if (found === undefined) throw new UserError(unknownNameMessage('model deployment', name, [...deployments.keys()]) + modelSetupHint(name));
      return found;
    },
    model: (name) => models.get(name),
    tokenizerConfig: (name) => tokenizers.get(name),
    defaultDeploymentForModel(model) {
      const available = deploymentHistory.filter((d) => d.model_name === model);
      const current = available.filter((d) => !d.deprecated);
      return (current.at(-1) ?? available.at(-1))?.name;
    },
    // One name per model even when a later file redefines it (HELM would list it twice), with the
    // latest definition's tags.
    modelsWithTag: (tag) => [...models.values()].filter((m) => m.tags.includes(tag)).map((m) => m.name),
    allModelNames: () => [...models.keys()],
    allDeploymentNames: () => [...deployments.keys()],
  };
}

function readIfPresent(path: string): string | undefined {
  if (!existsSync(path)) return undefined;
  try {
    return readFileSync(path, 'utf8');
  } catch (cause) {
    throw new UserError(`Cannot read ${path}: ${(cause as Error).message}`, { cause });
  }
}

/** Reads the config files present in `dir` (missing ones define nothing). */
export function readModelConfigLayer(dir: string): ModelConfigLayer {
  const read = <T>(file: string, parse: (text: string, path: string) => T[]): T[] => {
    const path = join(dir, file);
    const text = readIfPresent(path);
    return text === undefined ? [] : parse(text, path);
  };
  return {
    models: read(CONFIG_FILES.modelMetadata, parseModelMetadata),
    tokenizerConfigs: read(CONFIG_FILES.tokenizerConfigs, parseTokenizerConfigs),
    deployments: read(CONFIG_FILES.modelDeployments, parseModelDeployments),
  };
}

/**
 * The registry `helm-run` uses: the built-in configs, then those in `localPath` (`--local-path`, default
 * `prod_env`) if present. `builtinDir` is for tests.
 * @example const registry = loadModelRegistry('prod_env'); registry.defaultDeploymentForModel('simple/model1')
 */
export function loadModelRegistry(localPath: string, builtinDir: string = BUILTIN_CONFIG_DIR): ModelRegistry {
  return createModelRegistry([readModelConfigLayer(builtinDir), readModelConfigLayer(localPath)]);
}
