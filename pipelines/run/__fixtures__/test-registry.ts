/** A model registry for tests: the built-in configs plus models that exercise tags and deployments. */
import { fileURLToPath } from 'node:url';
import { createModelRegistry, readModelConfigLayer, type ModelRegistry } from '../model-registry.ts';

/** The built-in configs as they were with simple/model1 only, so tests of model groups don't move as configs/ grows. */
export const SIMPLE_BUILTIN_DIR = fileURLToPath(new URL('./builtin-simple/', import.meta.url));
import type { ModelDeployment, ModelMetadata } from '../model-configs.ts';

const model = (name: string, tags: string[]): ModelMetadata => ({ name, tags });
const deployment = (name: string, modelName: string, extra: Partial<ModelDeployment> = {}): ModelDeployment => ({
  name,
  model_name: modelName,
  client_spec: { class_name: 'helm.clients.simple_client.SimpleClient', args: {} },
  deprecated: false,
  ...extra,
});

const TEXT = ['TEXT_MODEL_TAG', 'FULL_FUNCTIONALITY_TEXT_MODEL_TAG'];

/** Models: test/newlines (NO_NEWLINES), test/nlg, test/chatml, test/buggy (BUGGY_TEMP_0), test/instruct,
 * test/old (deprecated), test/ablation (ablation), test/code (code only), test/three (deployment together/test/three). */
export function testRegistry(): ModelRegistry {
  return createModelRegistry([
    readModelConfigLayer(SIMPLE_BUILTIN_DIR),
    {
      models: [
        model('test/newlines', [...TEXT, 'NO_NEWLINES_TAG']),
        model('test/nlg', [...TEXT, 'NLG_PREFIX_TAG']),
        model('test/chatml', [...TEXT, 'CHATML_MODEL_TAG']),
        model('test/buggy', [...TEXT, 'BUGGY_TEMP_0_TAG']),
        model('test/instruct', [...TEXT, 'INSTRUCTION_FOLLOWING_MODEL_TAG']),
        model('test/old', [...TEXT, 'DEPRECATED_MODEL_TAG']),
        model('test/ablation', [...TEXT, 'ABLATION_MODEL_TAG']),
        model('test/code', ['CODE_MODEL_TAG']),
        model('test/three', TEXT),
      ],
      tokenizerConfigs: [],
      deployments: [
        deployment('test/newlines', 'test/newlines'),
        deployment('test/nlg', 'test/nlg'),
        deployment('test/chatml', 'test/chatml'),
        deployment('test/buggy', 'test/buggy'),
        deployment('test/instruct', 'test/instruct'),
        deployment('test/old', 'test/old'),
        deployment('test/ablation', 'test/ablation'),
        deployment('test/code', 'test/code'),
        deployment('together/test/three', 'test/three'),
      ],
    },
  ]);
}
