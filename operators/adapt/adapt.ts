/** @module Adaptation of one eval instance into its request states (HELM `generate_requests` + `_add_trials`, §5). */
import type { AdapterSpec } from '../../core/adapter-spec.ts';
import type { Instance } from '../../core/instance.ts';
import type { PendingRequest } from '../../core/request.ts';
import type { WindowService } from '../../core/window-service.ts';
import { adapterFactoryFor } from './adapters/registry.ts';

/**
 * HELM `_add_trials`: the copy of a request state for repetition `i` (1 ≤ i < num_trials), whose request
 * has `random = str(i)` (replacing the spec's own `random`).
 */
export function trialCopy(state: PendingRequest, i: number): PendingRequest {
  return { ...state, request: { ...state.request, random: String(i) } };
}

/** An adapter for a run: the request states of one eval instance, per train trial and repetition. */
export interface RunAdapter {
  requestsFor(instance: Instance, trial: number, examples: readonly Instance[], repetition?: number): PendingRequest[];
}

/**
 * Builds the adapter of `spec.method`; the method and the spec are validated here (UserError), before any
 * instance. `requestsFor` is pure per eval instance: the request states HELM makes for it in train trial
 * `trial` given that trial's examples (`sampleExamples(train, spec, trial)`). With num_trials > 1, repetition
 * `i` (1 ≤ i < num_trials) gives the copies whose `request.random` is String(i): HELM appends them after the
 * whole trial (all originals, then every instance's "1" copy, …), so the graph makes one pass per repetition.
 * @example createAdapter(spec, windowService).requestsFor(instance, 0, sampleExamples(train, spec, 0))
 */
export function createAdapter(spec: AdapterSpec, windowService: WindowService): RunAdapter {
  const adapter = adapterFactoryFor(spec.method)(spec, windowService);
  return {
    requestsFor(instance: Instance, trial: number, examples: readonly Instance[], repetition = 0): PendingRequest[] {
      if (adapter.adaptsOnce === true && (trial > 0 || repetition > 0)) return [];
      const states = adapter.requestsFor(instance, trial, examples);
      return repetition === 0 ? states : states.map((state) => trialCopy(state, repetition));
    },
  };
}
