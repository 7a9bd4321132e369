/** @module `ice[:k=v,…]` (HELM `classic_run_specs.py: get_ice_spec(**kwargs)`). */
import { DEFAULT_DATA_AUGMENTER_SPEC } from '../../../core/run-spec.ts';
import { iceSource } from '../../../sources/scenarios/ice.ts';
import { pyStr, type ArgValue } from '../py-text.ts';
import { languageModelingAdapterSpec } from './adapter-presets.ts';
import { languageModelingMetricSpecs } from './metric-presets.ts';
import { optional, scenarioSpec, type RunSpecArgs, type RunSpecFunction } from './run-spec-function.ts';

/**
 * The call's keyword args in the order the description gives them (HELM passes `kwargs` on as the scenario args).
 * RunSpecArgs has no public iteration yet, so its map is read by element access (TypeScript allows it for private members).
 */
const kwargsOf = (args: RunSpecArgs): ReadonlyMap<string, ArgValue> => args.entries();

export const ice: RunSpecFunction = {
  // HELM takes **kwargs and ICEScenario checks them; these are ICEScenario's keywords.
  params: [optional('subset'), optional('gender'), optional('category')],
  build(args) {
    const kwargs = kwargsOf(args);
    const sorted = [...kwargs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return {
      // "ice" + (":" if kwargs) + the k=v pairs sorted by key
      name: 'ice' + (sorted.length > 0 ? ':' : '') + sorted.map(([k, v]) => `${k}=${pyStr(v)}`).join(','),
      scenario_spec: scenarioSpec(iceSource, Object.fromEntries(kwargs)),
      adapter_spec: languageModelingAdapterSpec(),
      metric_specs: languageModelingMetricSpecs([]),
      data_augmenter_spec: DEFAULT_DATA_AUGMENTER_SPEC,
      groups: ['ice'],
    };
  },
};
