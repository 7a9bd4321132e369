/**
 * @module `process_output=<processor>` (ProcessOutputRunExpander): wraps all metric specs into one
 * OutputProcessingMetric that post-processes completions first. The name does not change.
 */
import { requireString, type ExpanderFactory } from './expander.ts';

export const OUTPUT_PROCESSING_METRIC = 'helm.benchmark.metrics.output_processing_metric.OutputProcessingMetric';

export const processOutputExpander: ExpanderFactory = (value) => {
  const processor = requireString('process_output', value);
  return function processOutput(runSpec) {
    const metricSpecs = runSpec.metric_specs.map((spec) => ({ class_name: spec.class_name, args: spec.args }));
    return [
      { ...runSpec, metric_specs: [{ class_name: OUTPUT_PROCESSING_METRIC, args: { processor, metric_specs: metricSpecs } }] },
    ];
  };
};
