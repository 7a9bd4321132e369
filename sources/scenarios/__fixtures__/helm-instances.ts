/** @module For tests: what HELM 0.5.16's own scenario class gave on a fixture (`make-helm-instances.py`), and reading a source whole. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RawInstance } from '../../../core/instance.ts';
import type { ScenarioMetadata, ScenarioSource, SourceContext } from '../../scenario-source.ts';

/** A fixture folder (HELM's cache layout of one scenario) by name. */
export const fixtureDir = (name: string): string => fileURLToPath(new URL(name, import.meta.url));

/** HELM's scenario.json fields and instances (as `asdict_without_nones` writes them) for a fixture. */
export interface HelmInstances {
  readonly source: string;
  readonly scenario_json: ScenarioMetadata;
  readonly instances: readonly unknown[];
}

export const helmInstances = (name: string, file = 'helm-instances.json'): HelmInstances =>
  JSON.parse(readFileSync(join(fixtureDir(name), file), 'utf8')) as HelmInstances;

/** Every instance a source gives for `args` on `cacheDir`, read through once. */
export async function readAll(source: ScenarioSource, args: Record<string, unknown>, cacheDir: string, context?: SourceContext): Promise<RawInstance[]> {
  const out: RawInstance[] = [];
  for await (const instance of source.instances(args, cacheDir, context)) out.push(instance);
  return out;
}
