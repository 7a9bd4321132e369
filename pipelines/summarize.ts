/**
 * @module `helm-summarize`: read a suite (or a release of suites), fix up and check the schema, then write HELM's
 * summary files — schema.json, each run's display files, summary.json, runs.json, run_specs.json,
 * runs_to_run_suites.json, the leaderboard tables under groups/ (with the SQL of each, and Markdown), costs.json.
 * `--compare SUITE_A SUITE_B` instead prints the two suites side by side with paired significance.
 * Exit codes: 0 success, 1 a bug, 2 bad input (UserError, printed without a stack).
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../core/errors.ts';
import { writeHelmJsonFile } from '../sinks/helm-json-file.ts';
import type { HelmSchema } from '../sinks/summary/helm-schema-types.ts';
import { DEFAULT_SCHEMA_PATH, readSchema } from '../sinks/summary/helm-schema.ts';
import { RUN_DISPLAY_FILES, writeRunDisplay } from '../sinks/summary/run-display.ts';
import { autoGenerateSchema, fixUpSchema } from '../sinks/summary/schema-fix-up.ts';
import { schemaJson } from '../sinks/summary/schema-json.ts';
import { validateSchema } from '../sinks/summary/schema-validate.ts';
import { writeExecutiveSummary, writeRunLists, type SummaryRun } from '../sinks/summary/suite-files.ts';
import { commandExit } from './cli/command-exit.ts';
import { loadModelRegistry } from './run/model-registry.ts';
import { displayMetricNames } from './summarize/display-metric-names.ts';
import { openSummarySource, type SuiteToRead, type SummarySource } from './summarize/open-suites.ts';
import { parseSummarizeArgs, type SummarizeOptions } from './summarize/summarize-options.ts';
import { metadataModelName, modelLookup, schemaModels } from './summarize/summary-models.ts';
import { writeGroupFiles } from './summarize/write-groups.ts';
import { compareSuitesCommand } from './summarize/compare-suites.ts';

/** Where the summary goes (HELM's `run_release_path`), as the output path spells it, and which suites it reads. */
function layout(options: SummarizeOptions): { dir: string; suites: SuiteToRead[] } {
  const runs = join(options.outputPath, 'runs');
  const { target } = options;
  if (target.kind === 'suite') return { dir: join(runs, target.suite), suites: [{ name: target.suite, dir: join(runs, target.suite) }] };
  return { dir: join(options.outputPath, 'releases', target.release), suites: target.suites.map((name) => ({ name, dir: join(runs, name) })) };
}

/** The suite's run groups and stat names, first seen first (what the schema's fix-up looks at). */
async function suiteNames(source: SummarySource): Promise<{ runGroupNames: string[]; metricNames: string[] }> {
  const rows = async (sql: string) => (await (await source.connection.run(sql)).getRows()).map((row) => String(row[0]));
  return {
    runGroupNames: await rows('SELECT g FROM (SELECT unnest(groups) AS g, run_name FROM runs) GROUP BY g ORDER BY min(run_name), g'),
    metricNames: await rows('SELECT metric_name FROM stats GROUP BY metric_name ORDER BY min(run_name), min(position)'),
  };
}

/** The schema to use: read (or generated), fixed up for the suite, validated as `--schema-validation` says. */
async function summarySchema(options: SummarizeOptions, source: SummarySource): Promise<HelmSchema> {
  const seen = await suiteNames(source);
  const read = options.schemaPath === undefined ? autoGenerateSchema(seen) : fixUpSchema(readSchema(options.schemaPath), seen);
  // HELM warns once per metric; one line names them all.
  const defined = new Set(read.metrics.map((metric) => metric.name));
  const undefinedNames = seen.metricNames.filter((n) => !defined.has(n));
  if (undefinedNames.length > 0) {
    console.warn(
      `${undefinedNames.length} metric name${undefinedNames.length === 1 ? '' : 's'} of the suite's stats ` +
        `undefined in ${options.schemaPath ?? 'the generated schema'} (no table shows them): ${undefinedNames.join(', ')}`,
    );
  }
  if (options.schemaValidation !== 'off') {
    const problems = validateSchema(read, options.schemaPath === undefined ? {} : { schemaPath: options.schemaPath });
    const errors = problems.filter((line) => line.includes('[ERROR]'));
    for (const line of problems) console.warn(`Schema validation: ${line}`);
    if (options.schemaValidation === 'error' && errors.length > 0) {
      throw new UserError(
        `The schema ${options.schemaPath ?? '(generated)'} has ${errors.length} error(s) (listed above). Fix them, or run with --schema-validation warn.`,
      );
    }
  }
  return read;
}

/** Each run's display files, `numThreads` runs at a time. */
async function writeDisplays(runs: readonly SummaryRun[], schema: HelmSchema, options: SummarizeOptions): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < runs.length) {
      const run = runs[next++]!;
      const groups = (JSON.parse(await readFile(join(run.runPath, 'run_spec.json'), 'utf8')) as { groups?: string[] }).groups ?? [];
      const report = await writeRunDisplay(run.runPath, {
        displayMetricNames: displayMetricNames(schema, groups),
        skipCompleted: options.skipCompletedRunDisplayJson,
      });
      if (!report.written && report.skipReason !== undefined && !options.skipCompletedRunDisplayJson) {
        console.warn(`${run.runName}: no ${RUN_DISPLAY_FILES.join(', ')}: ${report.skipReason}`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.numThreads, Math.max(1, runs.length)) }, worker));
}

const READ_FROM = { store: 'the results store', 'helm-json': "HELM's JSON files", both: "results stores and HELM's JSON files" } as const;

async function summarize(options: SummarizeOptions): Promise<number> {
  for (const warning of options.warnings) console.warn(warning);
  if (options.compare !== undefined) return compareSuitesCommand({ outputPath: options.outputPath, ...options.compare });
  const { dir, suites } = layout(options);
  const source = await openSummarySource(suites);
  try {
    for (const line of source.skipped) console.warn(line);
    const registry = loadModelRegistry(options.localPath);
    const schema = await summarySchema(options, source);
    await mkdir(dir, { recursive: true });
    const used = new Set<string>();
    for (const row of await (await source.connection.run("SELECT run_spec->>'$.adapter_spec.model', run_spec->>'$.adapter_spec.model_deployment' FROM runs")).getRows()) {
      used.add(metadataModelName(registry, { model: String(row[0]), model_deployment: String(row[1]) }));
    }
    await writeHelmJsonFile(join(dir, 'schema.json'), schemaJson(schema, schemaModels(registry, used)));
    await writeDisplays(source.runs, schema, options);
    const { target } = options;
    await writeExecutiveSummary(dir, target.kind === 'suite' ? { suites: [target.suite], suite: target.suite } : { release: target.release, suites: target.suites });
    await writeRunLists(dir, source.runs);
    const written = await writeGroupFiles(
      { connection: source.connection, schema, ...modelLookup(registry), debug: options.debug, warn: (message) => console.warn(message) },
      { dir, groupsHref: join(dir, 'groups') },
    );
    console.log(
      `Summarized ${source.runs.length} run${source.runs.length === 1 ? '' : 's'} (read from ${READ_FROM[source.readFrom]}) ` +
        `into ${dir}: ${written.tables} tables in ${written.groups} groups (groups/json, groups/latex, groups/markdown, groups/sql).`,
    );
  } finally {
    source.close();
  }
  return 0;
}

process.exitCode = await commandExit('helm-summarize', () => summarize(parseSummarizeArgs(process.argv.slice(2), DEFAULT_SCHEMA_PATH)));
