/**
 * @module `raft:subset=…` (HELM `classic_run_specs.py: get_raft_spec`). HELM reads the subset's instructions while
 * building the run spec, from `<output>/scenarios/raft/prompt_construction_settings.json`: directly in the scenario
 * folder, where the scenario itself reads (and downloads) its own copy under `data/`.
 */
import { join } from 'node:path';
import { DEFAULT_DATA_AUGMENTER_SPEC } from '../../../core/run-spec.ts';
import { checkRaftSubset, RAFT_PROMPT_SETTINGS, raftSource, readRaftPromptSettings } from '../../../sources/scenarios/raft.ts';
import { generationAdapterSpec } from './adapter-presets.ts';
import { biasMetricSpecs, classificationMetricSpecs, exactMatchMetricSpecs } from './metric-presets.ts';
import { required, scenarioSpec, type RunSpecArgs, type RunSpecFunction } from './run-spec-function.ts';

/** What building this run spec needs beyond its args: the output path (`-o`, default `benchmark_output`). */
export interface RaftBuildContext {
  readonly outputPath?: string;
}

export const raft: RunSpecFunction = {
  params: [required('subset')],
  build(args: RunSpecArgs, context: RaftBuildContext = {}) {
    const subset = checkRaftSubset(args.get('subset')); // HELM asserts it before reading the settings
    const settingsPath = join(context.outputPath ?? 'benchmark_output', 'scenarios', 'raft', RAFT_PROMPT_SETTINGS.file);
    return {
      name: `raft:subset=${subset}`,
      scenario_spec: scenarioSpec(raftSource, { subset }),
      adapter_spec: generationAdapterSpec({
        instructions: readRaftPromptSettings(subset, settingsPath).instructions,
        inputNoun: null,
        outputNoun: 'Label',
        maxTokens: 30, // at most ~50 characters per label
      }),
      metric_specs: [...exactMatchMetricSpecs(), ...biasMetricSpecs(), ...classificationMetricSpecs()],
      data_augmenter_spec: DEFAULT_DATA_AUGMENTER_SPEC,
      groups: ['raft'],
    };
  },
};
