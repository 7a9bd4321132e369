/**
 * @module The files run-spec functions read while they build (HELM downloads them there, e.g. raft's prompt settings
 * and big_bench's task file), fetched once before any run spec is built so that building stays synchronous.
 */
import type { EnsureFiles, RemoteFile } from '../../core/remote-file.ts';
import type { RunEntry } from './conf-file.ts';
import { isExpanderName } from './expanders/registry.ts';
import { parseObjectSpec } from './object-spec.ts';
import { isRunSpecName, RUN_SPEC_FUNCTIONS } from './run-specs/registry.ts';
import { RunSpecArgs, type RunSpecFunction } from './run-specs/run-spec-function.ts';

/**
 * Ensures the files the entries' run-spec functions will read under `outputPath`. An entry naming an unknown function,
 * or args its `files` cannot read, is left for the building step, whose errors say what is wrong.
 * @example await fetchRunSpecFiles(entries, 'benchmark_output', (files) => ensureAllDownloaded(files));
 */
export async function fetchRunSpecFiles(entries: readonly RunEntry[], outputPath: string, ensureFiles: EnsureFiles): Promise<void> {
  const files = new Map<string, RemoteFile>();
  for (const entry of entries) {
    const parsed = parseObjectSpec(entry.description);
    if (!isRunSpecName(parsed.name)) continue;
    const fn: RunSpecFunction = RUN_SPEC_FUNCTIONS[parsed.name];
    if (fn.files === undefined) continue;
    const functionArgs = new Map([...parsed.args].filter(([key]) => !isExpanderName(key)));
    for (const file of fn.files(new RunSpecArgs(parsed.name, functionArgs), { outputPath })) files.set(file.targetPath, file);
  }
  if (files.size > 0) await ensureFiles([...files.values()]);
}
