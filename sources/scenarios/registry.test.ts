import { describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors.ts';
import { scenarioSourceFor, scenarioSources } from './registry.ts';

describe('scenarioSourceFor', () => {
  it("finds each source by HELM's class name, which is also the source's own (one source per class)", () => {
    for (const [className, source] of scenarioSources) {
      expect(source.className).toBe(className);
      expect(scenarioSourceFor(className)).toBe(source);
    }
    expect(scenarioSources.get('helm.benchmark.scenarios.mmlu_scenario.MMLUScenario')?.metadata.name).toBe('mmlu');
    expect(scenarioSources.size).toBeGreaterThanOrEqual(5);
  });

  it('suggests the closest class for a misspelled or shortened name', () => {
    expect(() => scenarioSourceFor('helm.benchmark.scenarios.mmlu_scenario.MMLUScenari')).toThrow(
      /^Unknown scenario class 'helm\.benchmark\.scenarios\.mmlu_scenario\.MMLUScenari'\. Did you mean: helm\.benchmark\.scenarios\.mmlu_scenario\.MMLUScenario\?/,
    );
    expect(() => scenarioSourceFor('BoolQScenario')).toThrow(/Did you mean: .*helm\.benchmark\.scenarios\.boolq_scenario\.BoolQScenario/);
    expect(() => scenarioSourceFor('gsm')).toThrow(/Did you mean: helm\.benchmark\.scenarios\.gsm_scenario\.GSM8KScenario\?/);
    expect(() => scenarioSourceFor('constructor')).toThrow(UserError); // not an Object.prototype member
  });
});
