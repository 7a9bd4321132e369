/** @module Scenario sources by the `scenario_spec.class_name` HELM writes in run_spec.json. */
import { editDistance, UserError } from '../../core/errors.ts';
import type { ScenarioSource } from '../scenario-source.ts';
import { boolqSource } from './boolq.ts';
import { gsmSource } from './gsm.ts';
import { mmluSource } from './mmlu.ts';
import { simpleMcqaSource } from './simple-mcqa.ts';
import { thePileSource } from './the-pile.ts';

/** Every scenario we can read, keyed by HELM's class name (checked against each source's own in the test). */
export const scenarioSources = {
  'helm.benchmark.scenarios.mmlu_scenario.MMLUScenario': mmluSource,
  'helm.benchmark.scenarios.simple_scenarios.SimpleMCQAScenario': simpleMcqaSource,
  'helm.benchmark.scenarios.boolq_scenario.BoolQScenario': boolqSource,
  'helm.benchmark.scenarios.gsm_scenario.GSM8KScenario': gsmSource,
  'helm.benchmark.scenarios.the_pile_scenario.ThePileScenario': thePileSource,
} as const satisfies Record<string, ScenarioSource>;

/** A HELM scenario class name we have a source for. */
export type ScenarioClassName = keyof typeof scenarioSources;

const isScenarioClassName = (name: string): name is ScenarioClassName => Object.hasOwn(scenarioSources, name);

/**
 * Whether a typed name is close to a class: the whole dotted name within a few edits, or the class alone
 * ("BoolQScenario") or the scenario's name ("boolq"), which is what a user remembers.
 */
function isCloseTo(typed: string, className: ScenarioClassName): boolean {
  const lower = typed.toLowerCase();
  const typedClass = lower.slice(lower.lastIndexOf('.') + 1);
  const shortClass = className.slice(className.lastIndexOf('.') + 1).toLowerCase();
  return (
    editDistance(lower, className.toLowerCase()) <= 3 ||
    editDistance(typedClass, shortClass) <= Math.max(2, Math.floor(shortClass.length / 4)) ||
    editDistance(typedClass, scenarioSources[className].metadata.name) <= 2
  );
}

/** The source of a scenario class; an unknown one is a UserError naming the closest known classes. */
export function scenarioSourceFor(className: string): ScenarioSource {
  if (isScenarioClassName(className)) return scenarioSources[className];
  const known = Object.keys(scenarioSources) as ScenarioClassName[];
  const close = known.filter((name) => isCloseTo(className, name));
  throw new UserError(
    `Unknown scenario class '${className}'.` +
      (close.length > 0 ? ` Did you mean: ${close.join(', ')}?` : '') +
      ` Scenario classes this project can read: ${[...known].sort().join(', ')}.`,
  );
}
