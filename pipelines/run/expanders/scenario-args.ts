/**
 * @module Expanders that set a scenario argument (HELM ScenarioSpecRunExpander): `tokenizer` and
 * `num_prompt_tokens`, used by `synthetic_efficiency`; named `key=value` by the "c/:" rule.
 */
import type { RunSpec } from '../../../core/run-spec.ts';
import type { ArgValue } from '../py-text.ts';
import { appendArg, lookup, sanitize, type ExpanderFactory } from './expander.ts';

/** One RunSpec per value, each with `scenario_spec.args[key] = value` (replaced in place or appended). */
function withScenarioArg(runSpec: RunSpec, key: string, values: readonly ArgValue[]): RunSpec[] {
  return values.map((value) => ({
    ...appendArg(runSpec, key, sanitize(value)),
    scenario_spec: { ...runSpec.scenario_spec, args: { ...runSpec.scenario_spec.args, [key]: value } },
  }));
}

/** `num_prompt_tokens=default_sweep|<n>` (NumPromptTokensRunExpander). */
export const numPromptTokensExpander: ExpanderFactory = (value) => {
  const values = lookup<readonly ArgValue[]>({ default_sweep: [1, 256, 512, 1024, 1536] }, value) ?? [value];
  return function numPromptTokens(runSpec) {
    return withScenarioArg(runSpec, 'num_prompt_tokens', values);
  };
};

/**
 * The deployment → tokenizer map of `tokenizer=default`. HELM also adds every model whose deployment uses
 * one of seven listed tokenizers, but it computes that when `run_expander.py` is imported, before any
 * model config is registered, so in practice only these entries exist.
 */
export const DEFAULT_TOKENIZERS: Readonly<Record<string, readonly string[]>> = {
  'together/yalm': ['yandex/yalm'],
  'together/bloom': ['bigscience/bloom'],
  'together/t0pp': ['bigscience/t0pp'],
  'together/t5-11b': ['google/t5'],
  'together/ul2': ['google/ul2'],
  'together/glm': ['tsinghua/glm'],
  'AlephAlpha/luminous-base': ['AlephAlpha/luminous-base'],
  'AlephAlpha/luminous-extended': ['AlephAlpha/luminous-extended'],
  'AlephAlpha/luminous-supreme': ['AlephAlpha/luminous-supreme'],
  'AlephAlpha/luminous-world': ['AlephAlpha/luminous-world'],
  'huggingface/santacoder': ['bigcode/santacoder'],
  'huggingface/starcoder': ['bigcode/starcoder'],
};

/**
 * `tokenizer=default|<name>` (TokenizerRunExpander). With `default`, a deployment missing from
 * DEFAULT_TOKENIZERS yields **no** RunSpec, as in HELM; we say so through `warn`.
 */
export const tokenizerExpander: ExpanderFactory = (value, { warn }) => {
  return function tokenizer(runSpec) {
    if (value !== 'default') return withScenarioArg(runSpec, 'tokenizer', [value]);
    const deployment = runSpec.adapter_spec.model_deployment;
    const tokenizers = lookup(DEFAULT_TOKENIZERS, deployment) ?? [];
    if (tokenizers.length === 0) {
      warn(
        `tokenizer=default knows no tokenizer for model deployment '${deployment}', so ${runSpec.name} ` +
          `expands to no run (as in HELM). Known deployments: ${Object.keys(DEFAULT_TOKENIZERS).join(', ')}.`,
      );
    }
    return withScenarioArg(runSpec, 'tokenizer', tokenizers);
  };
};
