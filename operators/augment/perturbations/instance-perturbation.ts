/** @module Perturbations that rewrite a whole instance (HELM classes that override `Perturbation.apply`). */
import type { Instance } from '../../../core/instance.ts';
import type { PerturbationDescription } from '../../../core/metric-name.ts';
import type { TextPerturbation } from './text-perturbation.ts';

/**
 * A HELM perturbation whose `apply(instance, seed)` is its own, not `TextPerturbation.apply` (e.g.
 * `PersonNamePerturbation`, which keeps one name mapping across the references and the input, and
 * `ContrastSetsPerturbation`). It seeds its own rng and returns the whole perturbed copy.
 */
export interface InstancePerturbation {
  /** HELM's `name` attribute. */
  readonly name: string;
  /** HELM's `description` property. */
  readonly description: PerturbationDescription;
  /** HELM's `apply(instance, seed)`: `seed` is undefined for Python's `None`. Pure. */
  readonly apply: (instance: Instance, seed: number | undefined) => Instance;
}

/** Any perturbation a PerturbationSpec can name. */
export type Perturbation = TextPerturbation | InstancePerturbation;

/** Whether the perturbation brings its own `apply`. */
export const isInstancePerturbation = (p: Perturbation): p is InstancePerturbation => 'apply' in p;
