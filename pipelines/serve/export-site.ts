/**
 * @module `--export-path`: the viewer as a static website of the selected suite or release, for any static file
 * host — the app's files, a config.js with no API (the app then reads HELM's files, as HELM's own frontend does),
 * and under `benchmark_output/` the summary's files and each run's HELM JSON files (never the store or the NDJSON
 * twins: a static host cannot run SQL). Written beside the folder and renamed into place when whole.
 */
import { existsSync, readdirSync } from 'node:fs';
import { cp, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, join, resolve, sep } from 'node:path';
import { UserError } from '../../core/errors.ts';
import { configJs } from './config-js.ts';
import { WEB_DIR } from './http-server.ts';
import type { ServedSummary } from './serve-target.ts';

/** Whether a file of a summary or run folder goes into the export (HELM's JSON files, the tables' own formats). */
const isExported = (name: string, isDirectory: boolean): boolean =>
  isDirectory ? ['groups', 'json', 'latex', 'markdown', 'sql'].includes(name) : /\.(json|tex|md|sql)$/.test(name);

async function copyFolder(from: string, to: string, topLevelOnly: boolean): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (!isExported(entry.name, entry.isDirectory())) continue;
    if (entry.isDirectory() && topLevelOnly) continue;
    await cp(join(from, entry.name), join(to, entry.name), { recursive: true });
  }
}

/** The run folders of a suite that the summary shows (those with a run_spec.json). */
const runFolders = (suiteDir: string): string[] =>
  readdirSync(suiteDir, { withFileTypes: true }).filter((e) => e.isDirectory() && existsSync(join(suiteDir, e.name, 'run_spec.json'))).map((e) => e.name);

/** Marks a folder as an export of ours, which a later export may replace whole. */
const EXPORT_MARK = '.helm-server-export';

/** Refuses an export folder that would hold or replace anything but an earlier export (never deletes a user's folder). */
function checkExportPath(exportPath: string, outputPath: string): string {
  const target = resolve(exportPath);
  const output = resolve(outputPath);
  const isWithin = (inner: string, outer: string) => inner === outer || inner.startsWith(`${outer}${sep}`);
  if (isWithin(target, output) || isWithin(output, target)) {
    throw new UserError(`--export-path ${exportPath} and the output path ${outputPath} overlap: give a folder outside it (a new one, or an earlier export).`);
  }
  if (existsSync(target) && readdirSync(target).length > 0 && !existsSync(join(target, EXPORT_MARK))) {
    throw new UserError(`--export-path ${exportPath} exists and is not an earlier export of helm-server (it has no ${EXPORT_MARK}): give a new or empty folder, so that nothing of yours is replaced.`);
  }
  return target;
}

/** Writes the static site to `exportPath` (a new or empty folder, or an earlier export, replaced); returns how many runs it holds. */
export async function exportSite(outputPath: string, served: ServedSummary, project: string, exportPath: string): Promise<number> {
  const target = checkExportPath(exportPath, outputPath);
  const staging = join(target, '..', `.${basename(target)}.export-${process.pid}`);
  await rm(staging, { recursive: true, force: true });
  try {
    await cp(WEB_DIR, staging, { recursive: true, filter: (source) => !source.endsWith('.test.ts') });
    await writeFile(join(staging, 'config.js'), configJs(served.target, project, null));
    await writeFile(join(staging, EXPORT_MARK), `helm-server export of ${served.relativeDir}\n`);
    const base = join(staging, 'benchmark_output');
    await copyFolder(join(outputPath, served.relativeDir), join(base, served.relativeDir), false);
    let runs = 0;
    for (const suite of served.suites) {
      const suiteDir = join(outputPath, 'runs', suite);
      if (served.target.kind === 'release') await copyFolder(suiteDir, join(base, 'runs', suite), true);
      for (const run of runFolders(suiteDir)) {
        await copyFolder(join(suiteDir, run), join(base, 'runs', suite, run), true);
        runs += 1;
      }
    }
    await rm(target, { recursive: true, force: true });
    await rename(staging, target);
    return runs;
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}
