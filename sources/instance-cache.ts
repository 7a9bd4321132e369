/**
 * @module HELM's `--cache-instances`: a scenario's instances saved once to
 * `<output>/scenario_instances/<scenario>:<sorted k=v args>/input_instances.json` and read from there
 * afterwards (HELM `runner.py`). Both directions stream.
 */
import { createReadStream, existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream';
import streamArray from 'stream-json/streamers/stream-array.js';
import { UserError } from '../core/errors.ts';
import type { Input, RawInstance, Reference, Split } from '../core/instance.ts';
import type { ScenarioSource } from './scenario-source.ts';

/** HELM's folder name: the scenario name, then `:` and the args sorted by key (Python `str` of each value). */
export function instanceCacheDir(outputPath: string, scenarioName: string, args: Readonly<Record<string, unknown>>): string {
  const argsText = Object.keys(args)
    .sort()
    .map((key) => `${key}=${pythonStr(args[key])}`)
    .join(',');
  return join(outputPath, 'scenario_instances', argsText === '' ? scenarioName : `${scenarioName}:${argsText}`);
}

const pythonStr = (value: unknown): string =>
  value === true ? 'True' : value === false ? 'False' : value === null || value === undefined ? 'None' : String(value);

/** Reads a saved instance back as HELM's dacite does: inputs become plain `Input`s. */
function toRawInstance(value: unknown, where: string): RawInstance {
  const record = value as Record<string, unknown>;
  const input = record['input'] as Input | undefined;
  if (input === undefined || typeof input.text !== 'string' || !Array.isArray(record['references'])) {
    throw new UserError(`${where}: not a HELM instance (needs input.text and references).`);
  }
  const inputOf = (saved: Input): Input => (saved.messages === undefined ? { text: saved.text } : { text: saved.text, messages: saved.messages });
  const referencesOf = (saved: readonly Reference[]): Reference[] => saved.map((r) => ({ output: { text: r.output.text }, tags: r.tags }));
  const instance: Record<string, unknown> = {
    input: inputOf(input),
    references: referencesOf(record['references'] as Reference[]),
    split: record['split'] as Split,
  };
  for (const key of ['sub_split', 'id', 'extra_data'] as const) if (record[key] !== undefined) instance[key] = record[key];
  // HELM's cache keeps an instance's contrast sets (and a chat input's messages), so a rerun from it can use them.
  if (Array.isArray(record['contrast_inputs'])) instance['contrast_inputs'] = (record['contrast_inputs'] as Input[]).map(inputOf);
  if (Array.isArray(record['contrast_references'])) {
    instance['contrast_references'] = (record['contrast_references'] as Reference[][]).map(referencesOf);
  }
  return instance as unknown as RawInstance;
}

/** Streams the instances of an `input_instances.json`. */
export async function* readInstanceCache(path: string): AsyncIterable<RawInstance> {
  const items = pipeline(createReadStream(path), streamArray.withParserAsStream(), () => undefined);
  for await (const item of items as AsyncIterable<{ key: number; value: unknown }>) {
    yield toRawInstance(item.value, `${path}[${item.key}]`);
  }
}

/**
 * The source of a run under `--cache-instances`: the saved file when it exists; otherwise the scenario's own
 * instances, saved first by `save` (streaming) and then read from the file.
 */
export function cachedInstanceSource(
  source: ScenarioSource,
  cacheDir: string,
  save: (path: string, instances: AsyncIterable<RawInstance>) => Promise<void>,
): ScenarioSource {
  const path = join(cacheDir, 'input_instances.json');
  return {
    ...source,
    async *instances(args, scenarioDir) {
      if (!existsSync(path)) {
        await mkdir(cacheDir, { recursive: true });
        await save(path, source.instances(args, scenarioDir));
      }
      yield* readInstanceCache(path);
    },
  };
}
