/** @module HELM's SimpleMCQAScenario (`scenarios/simple_scenarios.py`): is a two-digit number even or odd? */
import { reference, type RawInstance } from '../../core/instance.ts';
import { defineScenario, NO_PARAMS, scenarioMetadata } from '../scenario-source.ts';

/** The numbers 10..99 in order: "Is <i> even or odd?", references Even then Odd; 10..20 train, the rest test. */
async function* simpleMcqaInstances(): AsyncGenerator<RawInstance> {
  for (let i = 10; i < 100; i++) {
    yield {
      input: { text: `Is ${i} even or odd?` },
      references: [reference('Even', i % 2 === 0), reference('Odd', i % 2 === 1)],
      split: i <= 20 ? 'train' : 'test',
    };
  }
}

/**
 * The tutorials' multiple-choice scenario: no args, no data to download.
 * @example for await (const instance of simpleMcqaSource.instances({}, cacheDir)) …
 */
export const simpleMcqaSource = defineScenario({
  className: 'helm.benchmark.scenarios.simple_scenarios.SimpleMCQAScenario',
  metadata: scenarioMetadata('simple_scenarios', 'simple_mcqa', 'Answer if two-digit numbers are even or odd.', ['question answering']),
  params: NO_PARAMS,
  read: () => simpleMcqaInstances,
});
