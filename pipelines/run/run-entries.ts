/**
 * @module Run entries → RunSpecs with `helm-run`'s filters and overrides (HELM `run.py:
 * run_entries_to_run_specs`), and the checks `helm_run` makes on the entries first.
 */
import { closeMatches, UserError } from '../../core/errors.ts';
import type { RunSpec } from '../../core/run-spec.ts';
import type { RunEntry } from './conf-file.ts';
import { constructRunSpecs } from './construct-run-specs.ts';
import { withName } from './expanders/expander.ts';
import type { ModelRegistry } from './model-registry.ts';
import { parseObjectSpec, type ParsedObjectSpec } from './object-spec.ts';

/** The `helm-run` options that shape RunSpecs. */
export interface RunEntryOptions {
  /** `--models-to-run`: substituted into entries whose model has no `/`, then used as a filter. */
  readonly modelsToRun?: readonly string[] | undefined;
  /** `--groups-to-run`: keep RunSpecs with any of these groups (those of the run-spec function). */
  readonly groupsToRun?: readonly string[] | undefined;
  /** `--priority`: skip entries with a larger (lower-priority) number. */
  readonly priority?: number | undefined;
  /** `-m/--max-eval-instances`: applied only where the RunSpec leaves it unset. */
  readonly maxEvalInstances: number;
  /** `-t/--num-train-trials`: applied unless max_train_instances is 0 (then it is 1). */
  readonly numTrainTrials?: number | undefined;
  /** Where non-fatal notes go (unknown model metadata, empty expansions). Default: console.warn. */
  readonly warn?: (message: string) => void;
  /** `-o`: the output path run-spec functions that read files build with (default `benchmark_output`). */
  readonly outputPath?: string;
}

/** Python truthiness of an optional list. */
const isNonEmpty = (list: readonly string[] | undefined): list is readonly string[] => list !== undefined && list.length > 0;

/** `--models-to-run` substitution: only when the entry's model is absent or has no `/` (a group). */
function withModelsToRun(parsed: ParsedObjectSpec, modelsToRun: readonly string[] | undefined): ParsedObjectSpec[] {
  const model = parsed.args.get('model');
  if (!isNonEmpty(modelsToRun) || (typeof model === 'string' && model.includes('/'))) return [parsed];
  return modelsToRun.map((m) => ({ name: parsed.name, args: new Map(parsed.args).set('model', m) }));
}

/**
 * All RunSpecs of the entries, in HELM's order and with HELM's filters (priority, --models-to-run,
 * --groups-to-run) and overrides (max_eval_instances if unset, num_train_trials, conf groups appended to
 * the name as `,groups=a-b` with the groups sorted).
 */
export function runEntriesToRunSpecs(
  entries: readonly RunEntry[],
  options: RunEntryOptions,
  registry: ModelRegistry,
): RunSpec[] {
  const context = {
    registry,
    warn: options.warn ?? ((message: string) => console.warn(message)),
    ...(options.outputPath === undefined ? {} : { outputPath: options.outputPath }),
  };
  const { modelsToRun, groupsToRun, priority, maxEvalInstances, numTrainTrials } = options;
  const runSpecs: RunSpec[] = [];
  for (const entry of entries) {
    if (priority !== undefined && entry.priority !== undefined && entry.priority > priority) continue;
    const parsed = parseObjectSpec(entry.description);
    const expanded = withModelsToRun(parsed, modelsToRun).flatMap((p) => constructRunSpecs(p, context));
    for (let runSpec of expanded) {
      const adapter = runSpec.adapter_spec;
      if (isNonEmpty(modelsToRun) && !modelsToRun.includes(adapter.model) && !modelsToRun.includes(adapter.model_deployment)) {
        continue;
      }
      if (isNonEmpty(groupsToRun) && !runSpec.groups.some((g) => groupsToRun.includes(g))) continue;

      const overrides: { max_eval_instances?: number; num_train_trials?: number } = {};
      if (adapter.max_eval_instances === undefined) overrides.max_eval_instances = maxEvalInstances;
      if (adapter.max_train_instances === 0) overrides.num_train_trials = 1;
      else if (numTrainTrials !== undefined) overrides.num_train_trials = numTrainTrials;
      runSpec = { ...runSpec, adapter_spec: { ...adapter, ...overrides } };

      if (entry.groups !== undefined) {
        const suffix = entry.groups.length === 0 ? '' : `,groups=${[...entry.groups].sort().join('-')}`;
        runSpec = { ...withName(runSpec, runSpec.name + suffix), groups: [...runSpec.groups, ...entry.groups] };
      }
      runSpecs.push(runSpec);
    }
  }
  return runSpecs;
}

const MODEL_WILDCARD = /\bmodel=(?:all|text_code|text|code|instruction_following|full_functionality_text|limited_functionality_text)\b/;
const MODEL_ARG = /\bmodel=\b/;

/**
 * HELM `helm_run`'s checks before building RunSpecs: with `--models-to-run`, every name must be a known
 * model or deployment; without it, no entry may use a model group, and at least one entry must name a model.
 */
export function validateRunEntries(
  entries: readonly RunEntry[],
  modelsToRun: readonly string[] | undefined,
  registry: ModelRegistry,
): void {
  if (isNonEmpty(modelsToRun)) {
    const models = new Set(registry.allModelNames());
    for (const name of modelsToRun) {
      if (!models.has(name) && registry.deployment(name) === undefined) {
        const close = closeMatches(name, [...new Set([...models, ...registry.allDeploymentNames()])]);
        throw new UserError(
          `Unknown model '${name}' passed to --models-to-run.${close.length > 0 ? ` Did you mean: ${close.join(', ')}?` : ''} ` +
            `Known models: ${[...models].join(', ')}.`,
        );
      }
    }
    return;
  }
  if (entries.length === 0) {
    throw new UserError('No run entries: give descriptions with -r/--run-entries or conf files with -c/--conf-paths.');
  }
  const wildcard = entries.find((entry) => MODEL_WILDCARD.test(entry.description));
  if (wildcard !== undefined) {
    throw new UserError(
      `--models-to-run must be set, because the model= run expander in '${wildcard.description}' expands to ` +
        `several models (e.g. --models-to-run simple/model1).`,
    );
  }
  if (!entries.some((entry) => MODEL_ARG.test(entry.description))) {
    throw new UserError(
      '--models-to-run must be set, because no run entry names a model (add model=<org/name> to the entry, ' +
        'or pass --models-to-run).',
    );
  }
}
