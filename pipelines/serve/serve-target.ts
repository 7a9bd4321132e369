/**
 * @module What the server shows: the selected suite or release, its folder, and the suites whose runs it holds (a
 * release maps each run to its suite in `runs_to_run_suites.json`). With neither flag, HELM's rule: the most
 * recently modified `summary.json` among `runs/*` and `releases/*`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../../core/errors.ts';
import type { ServeTarget } from './serve-options.ts';

export interface ServedSummary {
  readonly target: ServeTarget;
  /** `runs/<suite>` or `releases/<release>`, relative to the output path (the URL path under /benchmark_output/). */
  readonly relativeDir: string;
  /** The suites of the runs shown (one for a suite). */
  readonly suites: readonly string[];
  /** A release's runs, each with the suite it is taken from (`runs_to_run_suites.json`); undefined for a suite. */
  readonly runSuites?: ReadonlyMap<string, string>;
}

/** The suite the served summary takes a run from (for a suite, that suite). */
export const suiteOfRun = (served: ServedSummary, runName: string): string | undefined =>
  served.runSuites === undefined ? served.suites[0] : served.runSuites.get(runName);

const FOLDERS = { suite: 'runs', release: 'releases' } as const;

/** The summaries under the output path, newest first. */
function summaries(outputPath: string): { target: ServeTarget; mtimeMs: number }[] {
  const found: { target: ServeTarget; mtimeMs: number }[] = [];
  for (const kind of ['suite', 'release'] as const) {
    const dir = join(outputPath, FOLDERS[kind]);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) {
      const summary = join(dir, name, 'summary.json');
      if (existsSync(summary)) found.push({ target: { kind, name }, mtimeMs: statSync(summary).mtimeMs });
    }
  }
  return found.sort((a, b) => b.mtimeMs - a.mtimeMs);
}

/** A release's `runs_to_run_suites.json`: run name → the suite the release takes it from. */
function releaseRuns(releaseDir: string): Map<string, string> {
  const file = join(releaseDir, 'runs_to_run_suites.json');
  if (!existsSync(file)) throw new UserError(`The release folder ${releaseDir} has no runs_to_run_suites.json: summarize the release first (helm-summarize --release … --suites …).`);
  return new Map(Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>));
}

/** The summary to serve under `outputPath`: the one named, or the newest; a UserError when there is none. */
export function resolveServedSummary(outputPath: string, target: ServeTarget | undefined): ServedSummary {
  const chosen = target ?? summaries(outputPath)[0]?.target;
  if (chosen === undefined) {
    throw new UserError(
      `No summarized suite under ${outputPath} (no runs/<suite>/summary.json or releases/<release>/summary.json). ` +
        'Run helm-summarize --suite <suite> first, or give -o the output path that holds your runs.',
    );
  }
  const relativeDir = `${FOLDERS[chosen.kind]}/${chosen.name}`;
  const dir = join(outputPath, relativeDir);
  if (!existsSync(dir)) {
    const names = summaries(outputPath).map((s) => `--${s.target.kind} ${s.target.name}`);
    throw new UserError(`There is no ${chosen.kind} '${chosen.name}' under ${outputPath} (${dir} does not exist).${names.length > 0 ? ` Summarized: ${names.join(', ')}.` : ''}`);
  }
  if (chosen.kind === 'suite') return { target: chosen, relativeDir, suites: [chosen.name] };
  const runSuites = releaseRuns(dir);
  return { target: chosen, relativeDir, suites: [...new Set(runSuites.values())], runSuites };
}
