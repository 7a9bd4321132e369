/**
 * @module HELM's SyntheticEfficiencyScenario (`scenarios/synthetic_efficiency_scenario.py`): prompts of a set number
 * of tokens (for one tokenizer), for timing models. Each instance is one text file of CodaLab bundle
 * 0x17a361bc066b4b0e87d968069759d361, cached as `<cacheDir>/num_prompt_tokens=<n>,tokenizer=<t>,id=<i>.txt` (HELM's
 * names, the tokenizer's "/" written "_"); every instance is test, with one empty correct reference.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../../core/errors.ts';
import { pythonFloatRepr } from '../../core/helm-json.ts';
import { reference, type RawInstance } from '../../core/instance.ts';
import { PyFloat } from '../../core/py-float.ts';
import { ensureAllDownloaded } from '../download.ts';
import { defineScenario, downloadOptionsOf, scenarioMetadata, type SourceContext } from '../scenario-source.ts';

const BUNDLE_URL = 'https://worksheets.codalab.org/rest/bundles/0x17a361bc066b4b0e87d968069759d361/contents/blob';

/** The tokenizers HELM's scenario accepts (it asserts the name is one of these). */
export const SYNTHETIC_EFFICIENCY_TOKENIZERS = [
  'huggingface/gpt2',
  'ai21/j1',
  'cohere/cohere',
  'meta/opt',
  'yandex/yalm',
  'bigscience/bloom',
  'bigscience/t0pp',
  'google/t5',
  'google/ul2',
  'tsinghua/glm',
  'eleutherai/gptj',
  'eleutherai/gptneox',
] as const;

/** Python `str()` of an arg as HELM puts it in a file name: None (null) → "None", floats as `repr`. */
function pyStr(value: unknown): string {
  if (value === null) return 'None';
  if (value instanceof PyFloat) return pythonFloatRepr(value.value);
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  throw new UserError(`synthetic_efficiency: num_prompt_tokens=${JSON.stringify(value)} must be a number of tokens.`);
}

/** HELM's cache file name of one prompt. */
export const syntheticEfficiencyFileName = (numPromptTokens: string, tokenizer: string, id: number): string =>
  `num_prompt_tokens=${numPromptTokens},tokenizer=${tokenizer.replaceAll('/', '_')},id=${id}.txt`;

/** A text file as Python's `open(path, "r").read()` returns it: strict UTF-8, `\r\n` and lone `\r` read as `\n`. */
async function readPythonText(path: string): Promise<string> {
  const bytes = await readFile(path);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes).replace(/\r\n?/g, '\n');
  } catch (error) {
    throw new UserError(`${path} is not valid UTF-8 text (${(error as Error).message}).`, { cause: error });
  }
}

async function* readPrompts(files: readonly string[], cacheDir: string, context: SourceContext | undefined): AsyncGenerator<RawInstance> {
  const paths = files.map((file) => ({ url: `${BUNDLE_URL}/${file}`, targetPath: join(cacheDir, file) }));
  // All files before the first instance: offline, one error names each of them.
  await ensureAllDownloaded(paths, downloadOptionsOf(context));
  for (const { targetPath } of paths) {
    yield { input: { text: await readPythonText(targetPath) }, references: [reference('', true)], split: 'test' };
  }
}

/**
 * Synthetic efficiency prompts (`num_prompt_tokens`, `num_instances`, `tokenizer`, all required, as HELM's run spec
 * passes them; the expanders `num_prompt_tokens=…` and `tokenizer=…` set the first and last).
 * @example for await (const instance of syntheticEfficiencySource.instances({ num_prompt_tokens: 16, num_instances: 10, tokenizer: 'huggingface/gpt2' }, cacheDir)) …
 */
export const syntheticEfficiencySource = defineScenario({
  className: 'helm.benchmark.scenarios.synthetic_efficiency_scenario.SyntheticEfficiencyScenario',
  metadata: scenarioMetadata('synthetic_efficiency_scenario', 'synthetic_efficiency', 'Synthetic scenario for benchmarking efficiency metrics', []),
  params: { required: ['num_prompt_tokens', 'num_instances', 'tokenizer'], optional: [] },
  read(args, cacheDir, context) {
    const tokenizer = args['tokenizer'];
    if (typeof tokenizer !== 'string' || !(SYNTHETIC_EFFICIENCY_TOKENIZERS as readonly string[]).includes(tokenizer)) {
      throw new UserError(
        `synthetic_efficiency: tokenizer=${tokenizer === null ? 'None' : JSON.stringify(tokenizer)} has no prompts; ` +
          `give one of ${SYNTHETIC_EFFICIENCY_TOKENIZERS.join(', ')} (e.g. with the run entry's tokenizer=… expander).`,
      );
    }
    const count = args['num_instances'];
    if (typeof count !== 'number' || !Number.isSafeInteger(count)) {
      throw new UserError(`synthetic_efficiency: num_instances=${JSON.stringify(count)} must be an integer.`);
    }
    const numPromptTokens = pyStr(args['num_prompt_tokens']);
    const files = Array.from({ length: Math.max(0, count) }, (_, id) => syntheticEfficiencyFileName(numPromptTokens, tokenizer, id));
    return () => readPrompts(files, cacheDir, context);
  },
});
