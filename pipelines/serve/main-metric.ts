/**
 * @module A run's main metric, as HELM's viewer and leaderboard name it: the `environment.main_name` and
 * `main_split` of the first of the run's groups that has them in the summary's schema.json, or, for a suite not yet
 * summarized, in the schema helm-summarize uses by default (configs/schema_classic.yaml).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { DEFAULT_SCHEMA_PATH, readSchema } from '../../sinks/summary/helm-schema.ts';

export interface MainMetric {
  readonly name: string;
  readonly split: string | null;
}

interface SchemaRunGroup {
  readonly name: string;
  readonly environment?: { readonly main_name?: string; readonly main_split?: string };
}

const cache = new Map<string, { mtimeMs: number; groups: Map<string, MainMetric> }>();

/** Each run group's main metric in `schemaPath` (read again when the file changes); empty without a schema. */
function groupMetrics(schemaPath: string): Map<string, MainMetric> {
  if (!existsSync(schemaPath)) return new Map();
  const { mtimeMs } = statSync(schemaPath);
  const kept = cache.get(schemaPath);
  if (kept !== undefined && kept.mtimeMs === mtimeMs) return kept.groups;
  const schema = (schemaPath.endsWith('.json') ? JSON.parse(readFileSync(schemaPath, 'utf8')) : readSchema(schemaPath)) as { run_groups?: readonly SchemaRunGroup[] };
  const groups = new Map<string, MainMetric>();
  for (const group of schema.run_groups ?? []) {
    const name = group.environment?.main_name;
    if (name !== undefined) groups.set(group.name, { name, split: group.environment?.main_split ?? null });
  }
  cache.set(schemaPath, { mtimeMs, groups });
  return groups;
}

/** The main metric of a run in `groups`, from the first schema of `schemaPaths` that names one; null when none does. */
export function mainMetricOf(groups: readonly string[], schemaPaths: readonly string[]): MainMetric | null {
  for (const path of [...schemaPaths, DEFAULT_SCHEMA_PATH]) {
    const metrics = groupMetrics(path);
    for (const group of groups) {
      const found = metrics.get(group);
      if (found !== undefined) return found;
    }
  }
  return null;
}
