/**
 * @module `summarization_xsum`, `summarization_xsum_sampled` and `summarization_cnndm` (HELM `classic_run_specs.py`).
 * `temperature` is also a run expander's key, and expanders win: the function never receives it, so the run name
 * always says `temperature=0.3` and the expander sets the adapter's temperature afterwards.
 */
import { UserError } from '../../../core/errors.ts';
import { DEFAULT_DATA_AUGMENTER_SPEC, type RunSpec } from '../../../core/run-spec.ts';
import { pyFloat } from '../../../core/py-float.ts';
import { summarizationSource } from '../../../sources/scenarios/summarization.ts';
import { pyStr, type ArgValue } from '../py-text.ts';
import { summarizationAdapterSpec } from './adapter-presets.ts';
import { generativeHarmsMetricSpecs, summarizationMetricSpecs } from './metric-presets.ts';
import { optional, scenarioSpec, type RunSpecArgs, type RunSpecFunction } from './run-spec-function.ts';

interface SummarizationRun {
  /** The run-spec function's name, also the metric's `task` and the run's group. */
  readonly name: 'summarization_xsum' | 'summarization_xsum_sampled' | 'summarization_cnndm';
  readonly datasetName: 'xsum' | 'xsum-sampled' | 'cnn-dm';
  readonly numSents: number;
  readonly maxTokens: number;
}

function summarizationRunSpec(run: SummarizationRun, args: RunSpecArgs): RunSpec {
  const temperature: ArgValue = args.get('temperature') ?? pyFloat(0.3); // 0.3 was chosen in pilots against 0.7 and 1.0
  if (typeof temperature === 'string') throw new UserError(`${run.name}: temperature=${temperature} must be a number.`);
  const device: ArgValue = args.get('device') ?? 'cpu';
  return {
    name: `${run.name}:temperature=${pyStr(temperature)},device=${pyStr(device)}`,
    scenario_spec: scenarioSpec(summarizationSource, {
      dataset_name: run.datasetName,
      sampling_min_length: 50,
      sampling_max_length: 150,
      doc_max_length: 512,
    }),
    adapter_spec: summarizationAdapterSpec(run.numSents, {
      overrides: {
        max_tokens: run.maxTokens, // Zhang et al. 2020 (https://arxiv.org/pdf/1912.08777.pdf)
        temperature,
      },
    }),
    metric_specs: [...summarizationMetricSpecs({ task: run.name, device }), ...generativeHarmsMetricSpecs()],
    data_augmenter_spec: DEFAULT_DATA_AUGMENTER_SPEC,
    groups: [run.name],
  };
}

const summarizationFunction = (run: SummarizationRun): RunSpecFunction => ({
  params: [optional('temperature'), optional('device')],
  build: (args) => summarizationRunSpec(run, args),
});

/** `summarization_xsum(temperature=0.3, device="cpu")`: one-sentence summaries of 64 tokens at most. */
export const summarizationXsum = summarizationFunction({ name: 'summarization_xsum', datasetName: 'xsum', numSents: 1, maxTokens: 64 });

/** `summarization_xsum_sampled(temperature=0.3, device="cpu")`: the same on HELM's sampled XSum. */
export const summarizationXsumSampled = summarizationFunction({ name: 'summarization_xsum_sampled', datasetName: 'xsum-sampled', numSents: 1, maxTokens: 64 });

/** `summarization_cnndm(temperature=0.3, device="cpu")`: three-sentence summaries of 128 tokens at most. */
export const summarizationCnndm = summarizationFunction({ name: 'summarization_cnndm', datasetName: 'cnn-dm', numSents: 3, maxTokens: 128 });
