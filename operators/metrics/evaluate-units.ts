/** @module The metric stage of a run graph: each unit's per-instance stats, with the trials closed as they end. */
import { concat, concatMap, defer, EMPTY, from, map, type OperatorFunction } from 'rxjs';
import type { PerInstanceStats } from '../../core/per-instance-stats.ts';
import type { CompletedRequest } from '../../core/request.ts';
import type { UnitStates } from '../flow/unit.ts';
import type { MetricEvaluator } from './evaluate.ts';

/** A unit with what each metric says of it (index = the metric's position; PerInstanceStats in HELM's order). */
export interface EvaluatedUnit extends UnitStates<CompletedRequest> {
  readonly perMetric: readonly (readonly PerInstanceStats[])[];
}

/**
 * Feeds the units, which must arrive in HELM's order, to the evaluator: `endTrial(t)` when the first unit of
 * another trial arrives and, on completion, for the last trial; `evaluateGroup` for every unit. Not pure: the
 * evaluator accumulates the run's stats (read them with `evaluator.finish()` after completion). An unsubscribe
 * (an abort) ends no trial.
 *
 * ```
 * units   -a-b-c-|     (a, b of trial 0; c of trial 1)
 * output  -A-B-C-|     endTrial(0) as c arrives, endTrial(1) at |
 * ```
 * @example completed$.pipe(evaluateUnits(createMetricEvaluator({ metricSpecs, adapterSpec, windowService, isDryRun })))
 */
export function evaluateUnits(evaluator: MetricEvaluator): OperatorFunction<UnitStates<CompletedRequest>, EvaluatedUnit> {
  return function evaluateUnits(units$) {
    return defer(() => {
      let currentTrial: number | undefined;
      const evaluate = (unit: UnitStates<CompletedRequest>): EvaluatedUnit => {
        if (currentTrial !== undefined && unit.trial !== currentTrial) evaluator.endTrial(currentTrial);
        currentTrial = unit.trial;
        return { seq: unit.seq, trial: unit.trial, states: unit.states, perMetric: evaluator.evaluateGroup(unit.trial, unit.states) };
      };
      const prepare = evaluator.prepareGroup;
      // A metric with async work per unit (ToxicityMetric's API calls) has it done first, one unit at a time in order.
      const evaluated$ = units$.pipe(
        prepare === undefined ? map(evaluate) : concatMap((unit) => from(prepare(unit.trial, unit.states)).pipe(map(() => evaluate(unit)))),
      );
      const endLastTrial$ = defer(() => {
        if (currentTrial !== undefined) evaluator.endTrial(currentTrial);
        return EMPTY;
      });
      return concat(evaluated$, endLastTrial$);
    });
  };
}
