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
import { required, scenarioSpec, type RunSpecBuildContext, type RunSpecFunction } from './run-spec-function.ts';

/** HELM's `get_raft_instructions(subset, <output>/scenarios/raft)` reads the settings from this file. */
const settingsPath = (context: RunSpecBuildContext): string => join(context.outputPath, 'scenarios', 'raft', RAFT_PROMPT_SETTINGS.file);

export const raft: RunSpecFunction = {
  params: [required('subset')],
  files: (_args, context) => [{ url: RAFT_PROMPT_SETTINGS.url, targetPath: settingsPath(context) }],
  build(args, context) {
    const subset = checkRaftSubset(args.get('subset')); // HELM asserts it before reading the settings
    return {
      name: `raft:subset=${subset}`,
      scenario_spec: scenarioSpec(raftSource, { subset }),
      adapter_spec: generationAdapterSpec({
        instructions: readRaftPromptSettings(subset, settingsPath(context)).instructions,
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
