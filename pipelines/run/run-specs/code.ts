/**
 * @module `code:dataset=<humaneval|apps>[,timeout=<s>]` (HELM `classic_run_specs.py: get_code_spec`): Python code
 * written by the model and run against the problem's tests, in a sandbox.
 */
import { pyFloat } from '../../../core/py-float.ts';
import { DEFAULT_DATA_AUGMENTER_SPEC, type MetricSpec } from '../../../core/run-spec.ts';
import { codeSource } from '../../../sources/scenarios/code.ts';
import { pyStr } from '../py-text.ts';
import { completionAdapterSpec } from './adapter-presets.ts';
import { basicMetricSpecs, generativeHarmsMetricSpecs } from './metric-presets.ts';
import { optional, required, scenarioSpec, type RunSpecFunction } from './run-spec-function.ts';

export const code: RunSpecFunction = {
  params: [required('dataset'), optional('timeout')],
  build(args) {
    const dataset = args.get('dataset')!;
    // `timeout` trades accuracy for time; only APPS uses it (default from the original APPS code).
    const timeout = args.get('timeout') ?? 3;
    const isHumanEval = dataset === 'humaneval';
    const adapter_spec = isHumanEval
      ? completionAdapterSpec({
          temperature: pyFloat(0.2),
          // from the Codex paper: stop before the model writes further classes or functions
          stopSequences: ['\nclass', '\ndef', '\nif', '\nprint'],
          maxTokens: 600,
        })
      : completionAdapterSpec({
          maxTrainInstances: 2, // as the APPS paper (https://arxiv.org/pdf/2105.09938.pdf), appendix D
          temperature: pyFloat(0.2),
          stopSequences: ["'''", '---', '"""', '\n\n\n'], // chosen by hand in HELM to stop further classes/functions
          maxTokens: 600,
        });
    const metricSpecs: MetricSpec[] = isHumanEval
      ? basicMetricSpecs(['code_eval_acc', 'pass'])
      : [{ class_name: 'helm.benchmark.metrics.code_metrics.APPSMetric', args: { names: ['test_avg', 'strict_acc'], timeout } }];
    return {
      name: `code:dataset=${pyStr(dataset)}`,
      scenario_spec: scenarioSpec(codeSource, { dataset }),
      adapter_spec,
      metric_specs: [...metricSpecs, ...generativeHarmsMetricSpecs()],
      data_augmenter_spec: DEFAULT_DATA_AUGMENTER_SPEC,
      groups: [`code_${pyStr(dataset)}`],
    };
  },
};
