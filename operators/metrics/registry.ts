/**
 * @module The metrics a run spec can name: one line per HELM metric class, each declared beside its metric
 * (`defineMetricClass`: class name, keyword parameters, factory). This table is the only dispatch.
 */
import { UserError, unknownNameMessage } from '../../core/errors.ts';
import type { RemoteFile } from '../../core/remote-file.ts';
import type { MetricSpec } from '../../core/run-spec.ts';
import { appsMetricClass } from './apps.ts';
import { basicGenerationMetricClass } from './basic-generation.ts';
import { basicReferenceMetricClass } from './basic-reference.ts';
import { bbqMetricClass } from './bbq.ts';
import { biasMetricClass } from './bias.ts';
import { classificationMetricClass } from './classification.ts';
import { multipleChoiceClassificationMetricClass } from './classification-multiple-choice.ts';
import { dryRunMetricClass } from './dry-run.ts';
import { instancesPerSplitMetricClass } from './instances-per-split.ts';
import { languageModelingMetricClass } from './language-modeling.ts';
import { toxicityMetricClass } from './toxicity.ts';
import { basicCopyrightMetricClass } from './copyright.ts';
import { disinformationMetricClass } from './disinformation.ts';
import { disinformationHumanEvalMetricClass } from './disinformation-human-eval.ts';
import { rankingMetricClass } from './ranking.ts';
import { summarizationMetricClass } from './summarization.ts';
import type { Metric, MetricClass, MetricFactoryOptions } from './metric.ts';

const METRIC_CLASSES = [
  basicGenerationMetricClass,
  basicReferenceMetricClass,
  instancesPerSplitMetricClass,
  dryRunMetricClass,
  biasMetricClass,
  bbqMetricClass,
  languageModelingMetricClass,
  classificationMetricClass,
  appsMetricClass,
  multipleChoiceClassificationMetricClass,
  toxicityMetricClass,
  basicCopyrightMetricClass,
  disinformationMetricClass,
  disinformationHumanEvalMetricClass,
  rankingMetricClass,
  summarizationMetricClass,
] as const;

/** A HELM metric class name we can build. */
export type MetricClassName = (typeof METRIC_CLASSES)[number]['className'];

/** The metric classes by HELM's class name. */
export const metricClasses: ReadonlyMap<string, MetricClass<MetricClassName>> = new Map(METRIC_CLASSES.map((c) => [c.className, c]));

/** The files the run's metrics read from its eval cache, to fetch before they are built (unknown classes: none). */
export const metricFiles = (specs: readonly MetricSpec[], evalCachePath: string): RemoteFile[] =>
  specs.flatMap((spec) => metricClasses.get(spec.class_name)?.files?.(spec.args, evalCachePath) ?? []);

/** Builds the metric a MetricSpec names; an unknown class or argument is a UserError naming the valid ones. */
export function createMetric(spec: MetricSpec, options: MetricFactoryOptions): Metric {
  const metricClass = metricClasses.get(spec.class_name);
  if (metricClass === undefined) {
    throw new UserError(unknownNameMessage('metric class', spec.class_name, [...metricClasses.keys()]));
  }
  for (const key of Object.keys(spec.args)) {
    if (!metricClass.params.includes(key)) {
      const valid = metricClass.params.length > 0 ? metricClass.params.join(', ') : 'none';
      throw new UserError(`${spec.class_name} got an unexpected argument '${key}' (accepted: ${valid})`);
    }
  }
  return metricClass.create(spec.args, options);
}
