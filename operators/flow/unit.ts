/** @module The unit of a run graph: one eval instance of one train trial and repetition. */
import type { Instance } from '../../core/instance.ts';

/**
 * One eval instance of one train trial (and one HELM `num_trials` repetition): the unit of credit (`pull`),
 * ordering (`reorderBySeq`) and metric grouping. `seq` is its position in HELM's order.
 */
export interface Unit {
  readonly seq: number;
  readonly trial: number;
  /** HELM `num_trials` repetition: 0 for the originals, i for the copies with request.random = "i". */
  readonly repetition: number;
  readonly instance: Instance;
  /** The in-context examples of `trial`, shared by every unit of that trial. */
  readonly examples: readonly Instance[];
}

/** A unit's request states (the instance and its perturbed copies, in adaptation order) at one stage: pending or completed. */
export interface UnitStates<S> {
  readonly seq: number;
  readonly trial: number;
  readonly states: readonly S[];
}
