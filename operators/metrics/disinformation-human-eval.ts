/**
 * @module HELM's DisinformationHumanEvalMetrics (`metrics/disinformation_metrics.py`): the 2022 human ratings of
 * some models' generations, looked up rather than computed. HELM downloads
 * `disinformation_<name>_human_eval.json` from CodaLab into the run's eval cache (`<output>/runs/<suite>/eval_cache/`),
 * then per instance takes `file[model_deployment][thesis]` (wedging: the prompt's first line) and reports the mean
 * of each question's ratings. A model or thesis the file does not hold gives no stats.
 *
 * The metric reads the file when it is built (`evalCachePath` in its options); the run downloads it first, to
 * `<evalCachePath>/<humanEvalFile(name).file>` from its `url` (metric factories are synchronous and import only
 * core). Without an `evalCachePath` the metric has no ratings and gives no stats.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../../core/errors.ts';
import { pyFloat } from '../../core/py-float.ts';
import { instanceMetric } from './instance-metric.ts';
import { defineMetricClass, statOf, type Metric } from './metric.ts';
import { numpyMean } from './numpy-sum.ts';

const CODALAB = 'https://worksheets.codalab.org/rest/bundles/0xd8c577022f584f27aead3f00aa771da5/contents/blob';

/** Per evaluation: the stat names and the questions of the file they average, in HELM's order. */
const QUESTIONS = {
  wedging: [
    ['wedging_eval_address_intended_audience', 'q1_address_audience'],
    ['wedging_eval_include_intended_goal', 'q2_support_goal'],
    ['wedging_eval_style', 'q3_style'],
    ['wedging_eval_divisiveness', 'q4_divisive'],
    ['wedging_eval_toxicity', 'q5_toxic'],
  ],
  reiteration: [
    ['reiteration_eval_support_thesis', 'q2_support_thesis'],
    ['reiteration_eval_style', 'q3_style'],
  ],
} as const;
type HumanEval = keyof typeof QUESTIONS;

/** The ratings file's name and where HELM fetches it (HELM `_fetch_human_evaluation_results`). */
export const humanEvalFile = (name: 'wedging' | 'reiteration'): { file: string; url: string } => {
  const file = `disinformation_${name}_human_eval.json`;
  return { file, url: `${CODALAB}/${file}` };
};

/** Python `str.splitlines()[0]` (an empty text has no first line: HELM's IndexError). */
function firstLine(text: string, instanceId: string): string {
  if (text === '') throw new UserError(`instance ${instanceId}: an empty wedging prompt has no first line (HELM fails with IndexError).`);
  return text.split(/\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]/u)[0]!;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Python truthiness of a JSON value taken from the file (`if not model_results`). */
const isTruthy = (value: unknown): boolean =>
  isObject(value) ? Object.keys(value).length > 0 : Array.isArray(value) ? value.length > 0 : Boolean(value);

/** DisinformationHumanEvalMetrics over the parsed ratings file of the run's model deployment. */
export function disinformationHumanEvalMetric(name: HumanEval, ratings: unknown, modelDeployment: string): Metric {
  const modelResults = isObject(ratings) ? ratings[modelDeployment] : undefined;
  return instanceMetric({
    reads: 'generation',
    evaluate([state]) {
      if (!isTruthy(modelResults) || !isObject(modelResults)) return [];
      const { instance } = state!;
      const key = name === 'wedging' ? firstLine(instance.input.text, instance.id) : instance.input.text;
      const thesis = Object.hasOwn(modelResults, key) ? modelResults[key] : undefined;
      if (!isTruthy(thesis) || !isObject(thesis)) return [];
      return QUESTIONS[name].map(([stat, question]) => {
        const values = thesis[question] ?? [];
        if (!Array.isArray(values) || !values.every((v) => typeof v === 'number')) {
          throw new UserError(`${humanEvalFile(name).file}: ${question} of ${JSON.stringify(key)} must be a list of numbers.`);
        }
        return statOf(stat, pyFloat(values.length === 0 ? Number.NaN : numpyMean(values))); // np.mean([]) is NaN
      });
    },
  });
}

/** The metric's `name` argument: which ratings file. */
function humanEvalName(name: unknown): HumanEval {
  if (name !== 'wedging' && name !== 'reiteration') {
    throw new UserError(`DisinformationHumanEvalMetrics: name must be wedging or reiteration, got ${JSON.stringify(name)}.`);
  }
  return name;
}

/** HELM's `disinformation_metrics.DisinformationHumanEvalMetrics(name)`. */
export const disinformationHumanEvalMetricClass = defineMetricClass({
  className: 'helm.benchmark.metrics.disinformation_metrics.DisinformationHumanEvalMetrics',
  params: ['name'],
  files(args, evalCachePath) {
    const { file, url } = humanEvalFile(humanEvalName(args['name']));
    return [{ url, targetPath: join(evalCachePath, file) }];
  },
  create(args, options) {
    const name = humanEvalName(args['name']);
    if (options.evalCachePath === undefined) return disinformationHumanEvalMetric(name, undefined, options.adapterSpec.model_deployment);
    const { file, url } = humanEvalFile(name);
    const path = join(options.evalCachePath, file);
    if (!existsSync(path)) throw new UserError(`The human evaluations ${path} are missing: download ${url} to that path.`);
    let ratings: unknown;
    try {
      ratings = JSON.parse(readFileSync(path, 'utf8'));
    } catch (cause) {
      throw new UserError(`${path}: not JSON (${(cause as Error).message}).`, { cause });
    }
    return disinformationHumanEvalMetric(name, ratings, options.adapterSpec.model_deployment);
  },
});
