/** @module `commonsense:dataset=<d>,method=<m>` (HELM `lite_run_specs.py: get_commonsense_spec`). */
import { UserError } from '../../../core/errors.ts';
import { DEFAULT_DATA_AUGMENTER_SPEC } from '../../../core/run-spec.ts';
import type { ScenarioSource } from '../../../sources/scenario-source.ts';
import { commonsenseqaSource } from '../../../sources/scenarios/commonsenseqa.ts';
import { hellaswagSource } from '../../../sources/scenarios/hellaswag.ts';
import { openbookqaSource } from '../../../sources/scenarios/openbookqa.ts';
import { piqaSource } from '../../../sources/scenarios/piqa.ts';
import { siqaSource } from '../../../sources/scenarios/siqa.ts';
import { multipleChoiceAdapterSpec } from './adapter-presets.ts';
import { exactMatchMetricSpecs } from './metric-presets.ts';
import { required, scenarioSpec, type RunSpecFunction } from './run-spec-function.ts';

/** The five datasets, by their scenario's name (HELM compares `dataset` with each class's `name`, in this order). */
const DATASETS: ReadonlyMap<string, ScenarioSource> = new Map(
  [hellaswagSource, openbookqaSource, commonsenseqaSource, siqaSource, piqaSource].map((source) => [source.metadata.name, source]),
);

export const commonsense: RunSpecFunction = {
  params: [required('dataset'), required('method')], // `method` has no default here, unlike mmlu's
  build(args) {
    const dataset = args.requiredString('dataset');
    const method = args.requiredString('method');
    const source = DATASETS.get(dataset);
    if (source === undefined) throw new UserError(`Unknown dataset: ${dataset} (commonsense takes one of ${[...DATASETS.keys()].join(', ')}).`);
    return {
      name: `commonsense:dataset=${dataset},method=${method}`,
      scenario_spec: scenarioSpec(source, {}),
      adapter_spec: multipleChoiceAdapterSpec(method, {
        instructions: 'The following are multiple choice questions (with answers) about common sense.',
        inputNoun: 'Question',
        outputNoun: 'Answer',
      }),
      metric_specs: exactMatchMetricSpecs(),
      data_augmenter_spec: DEFAULT_DATA_AUGMENTER_SPEC,
      groups: [dataset],
    };
  },
};
