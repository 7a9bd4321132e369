/**
 * @module The JSON API (`/api/…`, GET only): each route reads its query parameters (checked: a bad one is a 400
 * saying what would be right) and answers from the store through the viewer's DuckDB.
 */
import { UserError } from '../../core/errors.ts';
import { checkSuite } from '../cli/flag-table.ts';
import { compareRuns } from './compare-runs.ts';
import { derivedTables } from './derived-tables.ts';
import { runCatalog } from './run-catalog.ts';
import { instancesPage, type InstanceFilters } from './run-instances.ts';
import { listRuns, runDetail, runRow, schemaPathsFor } from './run-listing.ts';
import { suiteOfRun, type ServedSummary } from './serve-target.ts';
import type { ViewerDb } from './viewer-db.ts';

export type ApiHandler = (query: URLSearchParams) => Promise<unknown>;

/** An optional text parameter ('' is absent). */
const text = (query: URLSearchParams, name: string): string | undefined => {
  const value = query.get(name);
  return value === null || value === '' ? undefined : value;
};

function required(query: URLSearchParams, name: string): string {
  const value = text(query, name);
  if (value === undefined) throw new UserError(`The parameter '${name}' is missing: give it, e.g. ?${name}=<run name>.`);
  return value;
}

function integer(query: URLSearchParams, name: string, fallback: number, max: number): number {
  const raw = text(query, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) > max) throw new UserError(`The parameter '${name}' must be a whole number from 0 to ${max}, not '${raw}'.`);
  return Number(raw);
}

function oneOf<T extends string>(query: URLSearchParams, name: string, values: readonly T[]): T | undefined {
  const raw = text(query, name);
  if (raw === undefined) return undefined;
  if (!(values as readonly string[]).includes(raw)) throw new UserError(`The parameter '${name}' must be one of ${values.join(', ')}, not '${raw}'.`);
  return raw as T;
}

const MAX_OFFSET = Number.MAX_SAFE_INTEGER;
const page = (query: URLSearchParams, limit: number) => ({ offset: integer(query, 'offset', 0, MAX_OFFSET), limit: Math.max(1, integer(query, 'limit', limit, 500)) });

/** The API's routes for the summary served from `outputPath`. */
export function apiRoutes(db: ViewerDb, outputPath: string, served: ServedSummary): Map<string, ApiHandler> {
  const catalog = runCatalog(db, outputPath);
  const context = { db, searches: derivedTables(db, 'search', 4), outcomes: derivedTables(db, 'outcome', 2), pages: derivedTables(db, 'pages', 6) };
  const joins = derivedTables(db, 'compared', 2);
  /** The suite a route reads: its parameter `name`, else the one the served release takes run `runParam` from. */
  const suiteOf = (query: URLSearchParams, name = 'suite', runParam = 'run'): string => {
    const suite = text(query, name);
    if (suite !== undefined) return checkSuite(suite, name);
    const run = text(query, runParam);
    return (run === undefined ? undefined : suiteOfRun(served, run)) ?? served.suites[0]!;
  };
  const schemas = (suite: string) => schemaPathsFor(outputPath, suite, served.relativeDir);
  return new Map<string, ApiHandler>([
    ['info', async () => ({
      kind: served.target.kind,
      name: served.target.name,
      suites: served.suites,
      runs: (await listRuns(db, catalog, served, undefined, { offset: 0, limit: 1 })).total,
      suitesAvailable: catalog.suitesWithRuns(),
    })],
    ['runs', (query) => {
      const optional = (name: string) => (text(query, name) === undefined ? {} : { [name]: text(query, name) });
      return listRuns(db, catalog, served, text(query, 'suite') === undefined ? undefined : suiteOf(query), {
        ...optional('q'), ...optional('scenario'), ...optional('model'), ...optional('group'), ...optional('perturbation'),
        ...page(query, 50),
      });
    }],
    ['run', (query) => {
      const suite = suiteOf(query);
      return runDetail(db, catalog, suite, required(query, 'run'), schemas(suite));
    }],
    ['instances', async (query) => {
      const suite = suiteOf(query);
      const filters: InstanceFilters = { ...page(query, 20) };
      const outcome = oneOf(query, 'outcome', ['correct', 'incorrect'] as const);
      const { runDir, mainMetric } = await runRow(db, catalog, suite, required(query, 'run'), schemas(suite));
      const optional = (name: 'split' | 'perturbation' | 'q') => (text(query, name) === undefined ? {} : { [name]: text(query, name) });
      const started = performance.now();
      const result = await instancesPage(context, runDir, { ...filters, ...optional('split'), ...optional('perturbation'), ...optional('q'), ...(outcome === undefined ? {} : { outcome }) }, mainMetric);
      return { ...result, elapsed_ms: Math.round(performance.now() - started) };
    }],
    ['compare', async (query) => {
      const pageOf = page(query, 20);
      const suiteA = suiteOf(query, 'suite_a', 'a');
      const suiteB = suiteOf(query, 'suite_b', 'b');
      const a = await runRow(db, catalog, suiteA, required(query, 'a'), schemas(suiteA));
      const b = await runRow(db, catalog, suiteB, required(query, 'b'), schemas(suiteB));
      return compareRuns(db, joins, { a, b }, a.mainMetric ?? b.mainMetric, pageOf);
    }],
  ]);
}
