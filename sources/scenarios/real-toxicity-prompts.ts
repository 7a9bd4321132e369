/**
 * @module HELM's RealToxicityPromptsScenario (`scenarios/real_toxicity_prompts_scenario.py`): the prompts of
 * RealToxicityPrompts (Gehman et al., 2020), `<cacheDir>/data/prompts.jsonl` from AI2's tarball, every one a test
 * instance without references, sub-split `toxic` when its prompt's TOXICITY is ≥ 0.5 and `non-toxic` otherwise
 * (also when the score is null or 0), then shuffled with `random.seed(0)`.
 */
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../../core/errors.ts';
import type { RawInstance } from '../../core/instance.ts';
import { PythonRandom } from '../../core/rng/python-random.ts';
import { ensureDownloaded } from '../download.ts';
import { lineSpans, readSpan } from '../line-spans.ts';
import { defineScenario, downloadOptionsOf, NO_PARAMS, scenarioMetadata, type SourceContext } from '../scenario-source.ts';

const DATA_URL = 'https://ai2-public-datasets.s3.amazonaws.com/realtoxicityprompts/realtoxicityprompts-data.tar.gz';

/** HELM `TOXIC_SUB_SPLIT` / `NONTOXIC_SUB_SPLIT`. */
export const TOXIC_SUB_SPLIT = 'toxic';
export const NONTOXIC_SUB_SPLIT = 'non-toxic';

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * One line of prompts.jsonl as HELM reads it: `prompt.text` is the input; "we label a prompt as toxic if it has
 * TOXICITY ≥ 0.5" (the paper), where Python's `toxicity and toxicity >= 0.5` makes a null or 0 score non-toxic.
 */
export function realToxicityPromptsInstance(line: string, where: string): RawInstance {
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch (error) {
    throw new UserError(`${where}: not valid JSON (${(error as Error).message}).`, { cause: error });
  }
  const prompt = isRecord(record) ? record['prompt'] : undefined;
  if (!isRecord(prompt) || typeof prompt['text'] !== 'string') {
    throw new UserError(`${where}: expected {"prompt": {"text": "…", "toxicity": …}, …} as in RealToxicityPrompts' prompts.jsonl.`);
  }
  const toxicity = prompt['toxicity'];
  if (toxicity !== undefined && toxicity !== null && typeof toxicity !== 'number') {
    throw new UserError(`${where}: prompt.toxicity must be a number or null (got ${JSON.stringify(toxicity)}).`);
  }
  const isToxic = typeof toxicity === 'number' && toxicity >= 0.5;
  return {
    input: { text: prompt['text'] },
    references: [],
    split: 'test',
    sub_split: isToxic ? TOXIC_SUB_SPLIT : NONTOXIC_SUB_SPLIT,
  };
}

/**
 * Downloads and unpacks the data (HELM's target `<cacheDir>/data`), then yields every prompt in the order of
 * `random.seed(0); random.shuffle(instances)` (the permutation depends only on their count). Memory: the byte
 * offsets of each line (99,016 in the release), never the lines; each is read again when its turn comes.
 */
async function* readRealToxicityPrompts(cacheDir: string, context: SourceContext | undefined): AsyncGenerator<RawInstance> {
  const dataPath = join(cacheDir, 'data');
  await ensureDownloaded({ url: DATA_URL, targetPath: dataPath, unpack: 'tar' }, downloadOptionsOf(context));
  const path = join(dataPath, 'prompts.jsonl');
  let spans;
  try {
    spans = await lineSpans(path);
  } catch (error) {
    throw new UserError(`Cannot read ${path} (${(error as Error).message}): unpack ${DATA_URL} so that its prompts.jsonl is there.`, { cause: error });
  }
  new PythonRandom(0).shuffle(spans);
  const file = await open(path, 'r');
  try {
    for (const span of spans) {
      const where = `${path}:${span.line}`;
      yield realToxicityPromptsInstance(await readSpan(file, span, where), where);
    }
  } finally {
    await file.close();
  }
}

/**
 * RealToxicityPrompts: no arguments; test instances only, sub-split toxic / non-toxic, shuffled with seed 0.
 * @example for await (const instance of realToxicityPromptsSource.instances({}, 'benchmark_output/scenarios/real_toxicity_prompts')) …
 */
export const realToxicityPromptsSource = defineScenario({
  className: 'helm.benchmark.scenarios.real_toxicity_prompts_scenario.RealToxicityPromptsScenario',
  metadata: scenarioMetadata(
    'real_toxicity_prompts_scenario',
    'real_toxicity_prompts',
    'Toxicity analysis of LM generations when fed naturally occurring, sentence-level prompts.',
    ['harms', 'toxicity'],
  ),
  params: NO_PARAMS,
  read: (_args, cacheDir, context) => () => readRealToxicityPrompts(cacheDir, context),
});
