/** @module The adapt stage of a run graph: each unit's eval instance → its perturbed copies → their request states. */
import { map, type OperatorFunction } from 'rxjs';
import type { PendingRequest } from '../../core/request.ts';
import type { Augmenter } from '../augment/augment.ts';
import type { Unit, UnitStates } from '../flow/unit.ts';
import type { RunAdapter } from './adapt.ts';

/**
 * Turns each unit into its pending request states: the augmenter's eval copies of the instance (the original
 * and/or perturbed ones, in HELM's order), each adapted with the unit's trial, examples and repetition.
 * Pure and synchronous: one unit in, one unit out, so it sits between `pull` and the request stage.
 *
 * ```
 * units   -a-b-|
 * output  -A-B-|   (A = a's seq and trial, with the request states of a's instance and its copies)
 * ```
 * @example pull(units, credits$).pipe(adaptUnits(createAdapter(spec, windowService), augmenter))
 */
export function adaptUnits(adapter: RunAdapter, augmenter: Augmenter): OperatorFunction<Unit, UnitStates<PendingRequest>> {
  return function adaptUnits(units$) {
    return units$.pipe(
      map((unit) => ({
        seq: unit.seq,
        trial: unit.trial,
        states: augmenter.eval(unit.instance).flatMap((copy) => adapter.requestsFor(copy, unit.trial, unit.examples, unit.repetition)),
      })),
    );
  };
}
