/** @module The shape of an adaptation method: a factory of per-instance request builders (HELM `Adapter`). */
import type { AdapterSpec } from '../../../core/adapter-spec.ts';
import type { Instance } from '../../../core/instance.ts';
import type { PendingRequest } from '../../../core/request.ts';
import type { WindowService } from '../../../core/window-service.ts';

/** Builds one eval instance's request states. Pure per instance (HELM `generate_requests`). */
export interface InstanceAdapter {
  /** The request states of `instance` in train trial `trial`, whose in-context examples are `examples`. */
  requestsFor(instance: Instance, trial: number, examples: readonly Instance[]): PendingRequest[];
  /**
   * True for a method whose HELM `adapt` makes one pass over the eval instances, whatever num_train_trials and
   * num_trials say (language_modeling): trials after the first and num_trials copies then have no request states.
   */
  readonly adaptsOnce?: boolean;
}

/** An adaptation method: validates the spec when called (UserError), then adapts instance by instance. */
export type AdapterFactory = (spec: AdapterSpec, windowService: WindowService) => InstanceAdapter;
