/** @module Scenario sources by the `scenario_spec.class_name` HELM writes in run_spec.json. */
import { UserError, unknownNameMessage } from '../../core/errors.ts';
import type { ScenarioSource } from '../scenario-source.ts';
import { boolqSource } from './boolq.ts';
import { gsmSource } from './gsm.ts';
import { mmluSource } from './mmlu.ts';
import { simpleMcqaSource } from './simple-mcqa.ts';

const scenarios = {
  [mmluSource.className]: mmluSource,
  [simpleMcqaSource.className]: simpleMcqaSource,
  [boolqSource.className]: boolqSource,
  [gsmSource.className]: gsmSource,
} as const satisfies Record<string, ScenarioSource>;

/** The source of a scenario class; an unknown one is a UserError with the closest names. */
export function scenarioSourceFor(className: string): ScenarioSource {
  const source = scenarios[className];
  if (source === undefined) throw new UserError(unknownNameMessage('scenario class', className, Object.keys(scenarios)));
  return source;
}
