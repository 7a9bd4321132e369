/** @module `msmarco:track=<regular|trec>[,valid_topk=<k>]` (HELM `classic_run_specs.py: get_msmarco_spec`). */
import { UserError } from '../../../core/errors.ts';
import { numberOf, PyFloat } from '../../../core/py-float.ts';
import { DEFAULT_DATA_AUGMENTER_SPEC } from '../../../core/run-spec.ts';
import { RANKING_CORRECT_LABEL, RANKING_WRONG_LABEL } from '../../../operators/adapt/adapters/ranking-binary.ts';
import { MSMARCO_GOLD_RELATIONS, MSMARCO_MEASURE_NAMES, msmarcoSource } from '../../../sources/scenarios/msmarco.ts';
import { pyStr, type ArgValue } from '../py-text.ts';
import { rankingBinaryAdapterSpec } from './adapter-presets.ts';
import { basicReferenceMetricSpecs, genericMetricSpecs } from './metric-presets.ts';
import { optional, required, scenarioSpec, type RunSpecFunction } from './run-spec-function.ts';

/** Python `int(valid_topk)`: a float is truncated, text that is not a number is HELM's ValueError. */
function pyInt(value: ArgValue): number {
  if (typeof value === 'string') throw new UserError(`msmarco: valid_topk=${value} is not a number (HELM fails with ValueError in int()).`);
  return value instanceof PyFloat ? Math.trunc(numberOf(value)) : value;
}

export const msmarco: RunSpecFunction = {
  params: [required('track'), optional('valid_topk')],
  build(args) {
    const track = args.get('track')!;
    const given = args.get('valid_topk');
    const validTopk = given === undefined ? null : pyInt(given);
    if (typeof track !== 'string' || !Object.hasOwn(MSMARCO_MEASURE_NAMES, track)) {
      throw new UserError(`msmarco: track=${pyStr(track)} is not a track of MS MARCO's (HELM fails with KeyError); tracks: regular, trec.`);
    }
    const trackName = track as keyof typeof MSMARCO_MEASURE_NAMES;
    const relations = new Set(MSMARCO_GOLD_RELATIONS[trackName]);
    return {
      name: `msmarco:track=${track},valid_topk=${validTopk === null ? 'None' : validTopk}`,
      scenario_spec: scenarioSpec(msmarcoSource, { track, valid_topk: validTopk }),
      adapter_spec: rankingBinaryAdapterSpec({ maxTrainInstances: 4, overrides: { stop_sequences: ['\n'] } }),
      metric_specs: [
        {
          class_name: 'helm.benchmark.metrics.ranking_metrics.RankingMetric',
          args: {
            method: 'ranking_binary',
            measure_names: MSMARCO_MEASURE_NAMES[trackName],
            correct_output: RANKING_CORRECT_LABEL,
            wrong_output: RANKING_WRONG_LABEL,
            rank: validTopk,
            multiple_relevance_values: !(relations.size === 1 && relations.has(1)),
          },
        },
        ...basicReferenceMetricSpecs(),
        ...genericMetricSpecs(),
      ],
      data_augmenter_spec: DEFAULT_DATA_AUGMENTER_SPEC,
      groups: [`msmarco_${track}`],
    };
  },
};
