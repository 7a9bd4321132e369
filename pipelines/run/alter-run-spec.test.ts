/**
 * Model and deployment resolution with the real built-in configs, for the names a newcomer types for GPT-2:
 * `model=openai/gpt2` (HELM's model name), `model=huggingface/gpt2` (its deployment's name, as tutorials write it),
 * and names that are neither, whose error points to what is built in.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors.ts';
import { loadModelRegistry } from './model-registry.ts';
import { runEntriesToRunSpecs } from './run-entries.ts';

const registry = loadModelRegistry(join(mkdtempSync(join(tmpdir(), 'alter-run-spec-')), 'prod_env'));
const runSpec = (description: string) => {
  const [spec] = runEntriesToRunSpecs([{ description, priority: 1 }], { maxEvalInstances: 2, warn: () => {} }, registry);
  return { name: spec!.name, model: spec!.adapter_spec.model, deployment: spec!.adapter_spec.model_deployment };
};
const HINT = "GPT-2 is built in: model=openai/gpt2 (HELM's deployment huggingface/gpt2), run in process by llama.cpp";

describe('GPT-2 by the names users type', () => {
  it("model=openai/gpt2 runs HELM's deployment huggingface/gpt2", () => {
    expect(runSpec('mmlu:subject=anatomy,model=openai/gpt2')).toEqual({
      name: 'mmlu:subject=anatomy,method=multiple_choice_joint,model=openai_gpt2',
      model: 'openai/gpt2',
      deployment: 'huggingface/gpt2',
    });
  });

  it('model=huggingface/gpt2, a deployment name (HELM: "Unknown model"), runs that deployment with its model', () => {
    expect(runSpec('mmlu:subject=anatomy,model=huggingface/gpt2')).toEqual({
      name: 'mmlu:subject=anatomy,method=multiple_choice_joint,model=huggingface_gpt2',
      model: 'openai/gpt2',
      deployment: 'huggingface/gpt2',
    });
  });

  it.each(['gpt2', 'openai-community/gpt2', 'openai/gpt2-xl'])('an unknown %s points to the built-in GPT-2 and how to add others', (name) => {
    expect(() => runSpec(`mmlu:subject=anatomy,model=${name}`)).toThrow(UserError);
    expect(() => runSpec(`mmlu:subject=anatomy,model=${name}`)).toThrow(HINT);
    expect(() => registry.requireDeployment(name)).toThrow(HINT);
  });

  it('says nothing of GPT-2 for other unknown names', () => {
    expect(() => runSpec('mmlu:subject=anatomy,model=acme/llama')).toThrow(/^Unknown model 'acme\/llama' .*\(default prod_env\/\)\.$/);
  });
});
