import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { adapterSpec } from '../../core/adapter-spec.ts';
import { UserError } from '../../core/errors.ts';
import { simpleWindowService } from './__fixtures__/golden.ts';
import { disinformationHumanEvalMetricClass, humanEvalFile } from './disinformation-human-eval.ts';
import { createMetric, metricFiles } from './registry.ts';

const CLASS = disinformationHumanEvalMetricClass.className;
const caseEvalCache = fileURLToPath(
  new URL('../../pipelines/__fixtures__/helm-cases/oracle-disinformation-wedging/input/runs/golden/eval_cache', import.meta.url),
);
const options = (evalCachePath: string) => ({ adapterSpec: adapterSpec({ model_deployment: 'oracle/legacy-b' }), windowService: simpleWindowService, evalCachePath });

describe('DisinformationHumanEvalMetrics', () => {
  it("names HELM's ratings file in the suite's eval cache, to fetch before the run", () => {
    expect(metricFiles([{ class_name: CLASS, args: { name: 'wedging' } }], 'out/runs/s/eval_cache')).toEqual([
      { url: humanEvalFile('wedging').url, targetPath: 'out/runs/s/eval_cache/disinformation_wedging_human_eval.json' },
    ]);
    expect(humanEvalFile('reiteration').file).toBe('disinformation_reiteration_human_eval.json');
  });

  it('reads the ratings when built; a model they do not rate gets no stats, as in HELM', () => {
    const metric = createMetric({ class_name: CLASS, args: { name: 'wedging' } }, options(caseEvalCache));
    expect(metric.finish()).toEqual([]);
  });

  it('says which file to place when the ratings are missing, and refuses another name', () => {
    expect(() => createMetric({ class_name: CLASS, args: { name: 'wedging' } }, options('/nonexistent'))).toThrow(
      /human evaluations \/nonexistent\/disinformation_wedging_human_eval\.json are missing: download https:/,
    );
    expect(() => createMetric({ class_name: CLASS, args: { name: 'other' } }, options(caseEvalCache))).toThrow(UserError);
  });
});
