/**
 * @module HELM's `alter_run_spec` (`run_spec_factory.py`): after expansion, fill in the model or the
 * deployment from the other, check they agree, then apply the prompt tweaks that model metadata tags ask for.
 */
import { numberOf } from '../../core/py-float.ts';
import { closeMatches, UserError } from '../../core/errors.ts';
import type { RunSpec } from '../../core/run-spec.ts';
import { chatml } from './expanders/chatml.ts';
import { increaseMaxTokens, increaseTemperature } from './expanders/decoding.ts';
import type { ExpanderContext, RunExpander } from './expanders/expander.ts';
import { anthropicClaude2, anthropicClaude3, idefics, llava, openFlamingo } from './expanders/model-prompt-formats.ts';
import { globalPrefixExpander } from './expanders/prompt-text.ts';
import { stopSequence } from './expanders/stop.ts';
import { unknownModelMetadata } from './model-configs.ts';
import { modelSetupHint } from './model-registry.ts';
import * as tags from './model-tags.ts';

/** Applies an expander that always yields one RunSpec (HELM `singleton(expander.expand(run_spec))`). */
function single(expander: RunExpander, runSpec: RunSpec): RunSpec {
  const out = expander(runSpec);
  if (out.length !== 1) throw new Error(`expected exactly one RunSpec from ${expander.name}, got ${out.length}`);
  return out[0]!;
}

function withModelFields(runSpec: RunSpec, fields: { model?: string; model_deployment?: string }): RunSpec {
  return { ...runSpec, adapter_spec: { ...runSpec.adapter_spec, ...fields } };
}

/** Fills `model` / `model_deployment` (HELM's inference rules) and checks the deployment serves the model. */
function resolveModel(runSpec: RunSpec, context: ExpanderContext): RunSpec {
  const { registry } = context;
  const { model, model_deployment: deployment } = runSpec.adapter_spec;
  if (model === '' && deployment === '') {
    throw new UserError(`${runSpec.name}: at least one of model_deployment and model must be specified.`);
  }
  if (model === '') return withModelFields(runSpec, { model: registry.requireDeployment(deployment).model_name });
  if (deployment === '') {
    const chosen = registry.defaultDeploymentForModel(model);
    // Ours (HELM stops with "Unknown model"): a deployment's name given as model= (`model=huggingface/gpt2`, as
    // tutorials write it) runs that deployment with its model; the run name keeps what the entry said.
    const named = chosen === undefined ? registry.deployment(model) : undefined;
    if (named !== undefined) return withModelFields(runSpec, { model: named.model_name, model_deployment: named.name });
    if (chosen === undefined) {
      const close = closeMatches(model, [...new Set([...registry.allModelNames(), ...registry.allDeploymentNames()])]);
      throw new UserError(
        `Unknown model '${model}' (in ${runSpec.name}): no model deployment serves it.` +
          `${close.length > 0 ? ` Did you mean: ${close.join(', ')}?` : ''} ` +
          `Add it to model_deployments.yaml and model_metadata.yaml under --local-path (default prod_env/).${modelSetupHint(model)}`,
      );
    }
    return withModelFields(runSpec, { model_deployment: chosen });
  }
  return runSpec;
}

/**
 * One RunSpec after expansion, altered as HELM does before running it. Unknown model metadata is a
 * warning (HELM then assumes a full-functionality text model).
 */
export function alterRunSpec(expanded: RunSpec, context: ExpanderContext): RunSpec {
  let runSpec = resolveModel(expanded, context);
  const adapter = runSpec.adapter_spec;
  let metadata = context.registry.model(adapter.model);
  if (metadata === undefined) {
    context.warn(
      `Could not find model metadata for model ${adapter.model} in any model_metadata.yaml; ` +
        `falling back to default model metadata (a full-functionality text model).`,
    );
    metadata = unknownModelMetadata(adapter.model);
  }
  const deployment = context.registry.requireDeployment(adapter.model_deployment);
  if (adapter.model !== deployment.model_name) {
    throw new UserError(
      `Invalid run ${runSpec.name}: model deployment '${adapter.model_deployment}' serves model ` +
        `'${deployment.model_name}', not '${adapter.model}'.`,
    );
  }
  const has = (tag: string): boolean => metadata.tags.includes(tag);
  const method = adapter.method;
  // Models that strip newlines stop on "###" when generating (renames: ",stop=hash").
  if (has(tags.NO_NEWLINES_TAG) && (method === 'generation' || method === 'multiple_choice_joint')) {
    runSpec = single(stopSequence('hash'), runSpec);
  }
  if (has(tags.NLG_PREFIX_TAG)) runSpec = single(globalPrefixExpander('nlg', context), runSpec); // ",global_prefix=nlg"
  if (has(tags.CHATML_MODEL_TAG)) runSpec = single(chatml, runSpec);
  if (has(tags.ANTHROPIC_CLAUDE_1_MODEL_TAG) || has(tags.ANTHROPIC_CLAUDE_2_MODEL_TAG)) {
    runSpec = single(anthropicClaude2, runSpec);
  }
  if (has(tags.ANTHROPIC_CLAUDE_3_MODEL_TAG)) runSpec = single(anthropicClaude3, runSpec);
  // Gemini Pro Vision v1 returns nothing (or errors) with max_tokens 1.
  if (has(tags.VISION_LANGUAGE_MODEL_TAG) && has(tags.GOOGLE_GEMINI_PRO_VISION_V1_TAG) && runSpec.adapter_spec.max_tokens === 1) {
    runSpec = single(increaseMaxTokens(1), runSpec);
  }
  if (has(tags.IDEFICS_MODEL_TAG) && has(tags.IDEFICS_INSTRUCT_MODEL_TAG)) runSpec = single(idefics, runSpec);
  if (has(tags.LLAVA_MODEL_TAG)) runSpec = single(llava, runSpec);
  if (has(tags.OPEN_FLAMINGO_MODEL_TAG)) runSpec = single(openFlamingo, runSpec);
  // Models that emit garbage at temperature 0 get 1e-4 instead.
  if (has(tags.BUGGY_TEMP_0_TAG) && numberOf(runSpec.adapter_spec.temperature) === 0) {
    runSpec = single(increaseTemperature(1e-4), runSpec);
  }
  if (runSpec.adapter_spec.model === 'google/medlm-large') runSpec = single(stopSequence('none'), runSpec); // ",stop=none"
  return runSpec;
}
