import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors.ts';
import { parseModelDeployments, parseModelMetadata, parseTokenizerConfigs } from './model-configs.ts';
import { createModelRegistry, loadModelRegistry } from './model-registry.ts';
import { SIMPLE_BUILTIN_DIR } from './__fixtures__/test-registry.ts';

function localDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'prod_env-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('loadModelRegistry (built-in configs)', () => {
  const registry = loadModelRegistry('/nonexistent/prod_env', SIMPLE_BUILTIN_DIR);

  it('holds simple/model1 exactly as HELM does', () => {
    expect(registry.deployment('simple/model1')).toEqual({
      name: 'simple/model1',
      model_name: 'simple/model1',
      tokenizer_name: 'simple/tokenizer1',
      max_sequence_length: 2048,
      client_spec: { class_name: 'helm.clients.simple_client.SimpleClient', args: {} },
      deprecated: false,
    });
    expect(registry.model('simple/model1')).toEqual({
      name: 'simple/model1',
      display_name: 'Simple Model 1',
      description: 'This is a test model.',
      creator_organization_name: 'Helm',
      access: 'open',
      release_date: '2023-01-01',
      tags: ['TEXT_MODEL_TAG', 'FULL_FUNCTIONALITY_TEXT_MODEL_TAG'],
    });
    expect(registry.tokenizerConfig('simple/tokenizer1')).toEqual({
      name: 'simple/tokenizer1',
      tokenizer_spec: { class_name: 'helm.tokenizers.simple_tokenizer.SimpleTokenizer', args: {} },
      end_of_text_token: '</s>',
      prefix_token: '<s>',
    });
    expect(registry.defaultDeploymentForModel('simple/model1')).toBe('simple/model1');
    expect(registry.modelsWithTag('TEXT_MODEL_TAG')).toEqual(['simple/model1']);
    expect(registry.allModelNames()).toEqual(['simple/model1']);
    expect(registry.allDeploymentNames()).toEqual(['simple/model1']);
  });

  it('says which deployments exist when one is unknown', () => {
    expect(registry.deployment('simple/model2')).toBeUndefined();
    expect(() => registry.requireDeployment('simple/model2')).toThrow(
      "Unknown model deployment 'simple/model2'. Did you mean: simple/model1?",
    );
  });
});

describe('loadModelRegistry (user configs under --local-path)', () => {
  it('extends and overrides the built-in entries by name, in HELM order', () => {
    const dir = localDir({
      'model_metadata.yaml': [
        'models:',
        '  - name: simple/model1',
        '    display_name: Mine',
        '    tags: [TEXT_MODEL_TAG, INSTRUCTION_FOLLOWING_MODEL_TAG]',
        '  - name: local/llama',
        '    display_name: Llama',
        '    creator_organization_name: Meta',
        '    access: open',
        '    release_date: 2024-04-18',
        '    tags: [TEXT_MODEL_TAG]',
      ].join('\n'),
      'model_deployments.yaml': [
        'model_deployments:',
        '  - name: vllm/llama',
        '    model_name: local/llama',
        '    tokenizer_name: simple/tokenizer1',
        '    max_sequence_length: 8192',
        '    client_spec:',
        '      class_name: "helm.clients.openai_client.OpenAIClient"',
        '      args: {base_url: "http://127.0.0.1:8000/v1", api_key: "x"}',
        '  - name: vllm/nometa',
        '    client_spec: {class_name: "helm.clients.openai_client.OpenAIClient"}',
      ].join('\n'),
    });
    const registry = loadModelRegistry(dir, SIMPLE_BUILTIN_DIR);
    expect(registry.model('simple/model1')?.display_name).toBe('Mine');
    expect(registry.modelsWithTag('INSTRUCTION_FOLLOWING_MODEL_TAG')).toEqual(['simple/model1']);
    expect(registry.modelsWithTag('FULL_FUNCTIONALITY_TEXT_MODEL_TAG')).toEqual(['vllm/nometa']);
    expect(registry.deployment('vllm/llama')?.client_spec).toEqual({
      class_name: 'helm.clients.openai_client.OpenAIClient',
      args: { base_url: 'http://127.0.0.1:8000/v1', api_key: 'x' },
    });
    expect(registry.defaultDeploymentForModel('local/llama')).toBe('vllm/llama');
    // A deployment without metadata registers HELM's unknown-model metadata (so it joins model=text).
    expect(registry.model('vllm/nometa')?.tags).toEqual(['TEXT_MODEL_TAG', 'FULL_FUNCTIONALITY_TEXT_MODEL_TAG']);
    expect(registry.allModelNames()).toEqual(['simple/model1', 'local/llama', 'vllm/nometa']);
    expect(registry.modelsWithTag('TEXT_MODEL_TAG')).toEqual(['simple/model1', 'local/llama', 'vllm/nometa']);
  });

  it('picks the last non-deprecated deployment of a model, else the last one', () => {
    const deployment = (name: string, deprecated: boolean) => ({
      name,
      model_name: 'org/m',
      client_spec: { class_name: 'C', args: {} },
      deprecated,
    });
    const registry = createModelRegistry([
      { models: [], tokenizerConfigs: [], deployments: [deployment('a/m', false), deployment('b/m', false), deployment('c/m', true)] },
    ]);
    expect(registry.defaultDeploymentForModel('org/m')).toBe('b/m');
    const allDeprecated = createModelRegistry([
      { models: [], tokenizerConfigs: [], deployments: [deployment('a/m', true), deployment('c/m', true)] },
    ]);
    expect(allDeprecated.defaultDeploymentForModel('org/m')).toBe('c/m');
    expect(allDeprecated.defaultDeploymentForModel('org/other')).toBeUndefined();
  });
});

describe('config file validation', () => {
  it('gives file, line and column of malformed YAML', () => {
    expect(() => parseModelDeployments('model_deployments:\n  - name: [x\n', 'p/model_deployments.yaml')).toThrow(
      /^Malformed YAML in p\/model_deployments\.yaml:\d+:\d+: /,
    );
  });

  it('names the file, the entry and the field of a bad shape', () => {
    expect(() => parseModelDeployments('model_deployments:\n  - name: a/b\n', 'd.yaml')).toThrow(
      "d.yaml: model_deployments entry 'a/b' needs a client_spec with a class_name.",
    );
    expect(() =>
      parseModelDeployments('model_deployments:\n  - name: a/b\n    max_sequence_length: lots\n    client_spec: {class_name: C}\n', 'd.yaml'),
    ).toThrow(`d.yaml: model_deployments entry 'a/b': 'max_sequence_length' must be an integer, got "lots".`);
    expect(() => parseModelMetadata('models:\n  - display_name: x\n', 'm.yaml')).toThrow(
      "m.yaml: models entry #1 must be a mapping with a non-empty string 'name'.",
    );
    expect(() => parseModelMetadata('models:\n  - name: a/b\n    tags: TEXT_MODEL_TAG\n', 'm.yaml')).toThrow(
      `m.yaml: models entry 'a/b': 'tags' must be a list of strings, got "TEXT_MODEL_TAG".`,
    );
    expect(() => parseTokenizerConfigs('tokenizers: []\n', 't.yaml')).toThrow("t.yaml: expected a top-level 'tokenizer_configs:' list.");
    expect(() => parseTokenizerConfigs('tokenizer_configs:\n  - name: t\n', 't.yaml')).toThrow(UserError);
  });

  it('accepts empty lists (an empty file: model-configs.test.ts)', () => {
    expect(parseModelMetadata('models: []\n', 'm.yaml')).toEqual([]);
  });
});
