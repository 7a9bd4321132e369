/**
 * @module A run's main metric, as HELM's viewer and leaderboard name it: the `environment.main_name` and
 * `main_split` of the first of the run's groups that has them in the summary's schema.json.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';

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
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as { run_groups?: SchemaRunGroup[] };
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
  for (const path of schemaPaths) {
    const metrics = groupMetrics(path);
    for (const group of groups) {
      const found = metrics.get(group);
      if (found !== undefined) return found;
    }
  }
  return null;
}
