/** @module `model=<name or group>` (HELM ModelRunExpander): one RunSpec per model, named `model=<org_name>`. */
import { UserError } from '../../../core/errors.ts';
import type { ModelRegistry } from '../model-registry.ts';
import {
  ABLATION_MODEL_TAG,
  AUDIO_LANGUAGE_MODEL_TAG,
  CODE_MODEL_TAG,
  DEPRECATED_MODEL_TAG,
  FULL_FUNCTIONALITY_TEXT_MODEL_TAG,
  INSTRUCTION_FOLLOWING_MODEL_TAG,
  LIMITED_FUNCTIONALITY_TEXT_MODEL_TAG,
  TEXT_MODEL_TAG,
  TEXT_TO_IMAGE_MODEL_TAG,
  UNSUPPORTED_MODEL_TAG,
  VISION_LANGUAGE_MODEL_TAG,
} from '../model-tags.ts';
import type { RunSpec } from '../../../core/run-spec.ts';
import { appendArg, requireString, sanitize, withAdapter, type ExpanderFactory } from './expander.ts';

const unique = (names: readonly string[]): string[] => [...new Set(names)];

/**
 * HELM `get_model_group_to_model_names`: groups from metadata tags plus legacy fixed lists, an
 * `ablation_<group>` for each (∩ ABLATION_MODEL_TAG; `ablation` for all), every group without
 * DEPRECATED/UNSUPPORTED models. Differences from HELM, both about order and duplicates only: a model in
 * both `text` and `code` appears once in `text_code` (HELM lists it twice and runs it twice), and
 * `ablation_*` keep the group's order (HELM's set intersection has hash order).
 */
export function modelGroups(registry: ModelRegistry): Map<string, string[]> {
  const tagged = (tag: string): string[] => registry.modelsWithTag(tag);
  const groups = new Map<string, string[]>([
    ['full_functionality_text', tagged(FULL_FUNCTIONALITY_TEXT_MODEL_TAG)],
    ['ai21/j1-jumbo', ['ai21/j1-jumbo']],
    ['openai/curie', ['openai/curie']],
    ['all', registry.allModelNames()],
    ['text_code', unique([...tagged(TEXT_MODEL_TAG), ...tagged(CODE_MODEL_TAG)])],
    ['text', tagged(TEXT_MODEL_TAG)],
    ['code', tagged(CODE_MODEL_TAG)],
    ['instruction_following', tagged(INSTRUCTION_FOLLOWING_MODEL_TAG)],
    ['limited_functionality_text', tagged(LIMITED_FUNCTIONALITY_TEXT_MODEL_TAG)],
    ['summarization_zs', ['openai/davinci', 'openai/curie', 'openai/text-davinci-002', 'openai/text-curie-001']],
    ['biomedical', ['openai/text-davinci-003']],
    ['interactive_qa', ['openai/text-davinci-001', 'openai/davinci', 'ai21/j1-jumbo', 'openai/text-babbage-001']],
    [
      'opinions_qa_openai',
      [
        'openai/ada',
        'openai/davinci',
        'openai/text-ada-001',
        'openai/text-davinci-001',
        'openai/text-davinci-002',
        'openai/text-davinci-003',
      ],
    ],
    ['opinions_qa_ai21', ['ai21/j1-grande', 'ai21/j1-jumbo', 'ai21/j1-grande-v2-beta']],
    ['text_to_image', tagged(TEXT_TO_IMAGE_MODEL_TAG)],
    ['vlm', tagged(VISION_LANGUAGE_MODEL_TAG)],
    ['audiolm', tagged(AUDIO_LANGUAGE_MODEL_TAG)],
  ]);
  const ablation = new Set(tagged(ABLATION_MODEL_TAG));
  for (const [family, models] of [...groups]) {
    groups.set(family === 'all' ? 'ablation' : `ablation_${family}`, models.filter((m) => ablation.has(m)));
  }
  const excluded = new Set([...tagged(DEPRECATED_MODEL_TAG), ...tagged(UNSUPPORTED_MODEL_TAG)]);
  for (const [family, models] of groups) groups.set(family, models.filter((m) => !excluded.has(m)));
  return groups;
}

/**
 * Sets the model of a RunSpec (HELM `replace_model_in_run_spec`): `model` is the last two `/`-parts of
 * the name; a name of more than two parts is also the deployment.
 */
export function replaceModel(runSpec: RunSpec, name: string): RunSpec {
  const parts = name.split('/');
  const model = parts.slice(-2).join('/');
  const renamed = appendArg(runSpec, 'model', sanitize(model));
  return withAdapter(renamed, parts.length > 2 ? { model, model_deployment: name } : { model });
}

/** `model=<model, deployment or group>`; a value that is not a group is one model. */
export const modelExpander: ExpanderFactory = (value, { registry }) => {
  const name = requireString('model', value);
  if (name === '') throw new UserError('model= needs a model, a model deployment or a group such as text or all.');
  const models = modelGroups(registry).get(name) ?? [name];
  return function model(runSpec) {
    return models.map((m) => replaceModel(runSpec, m));
  };
};
