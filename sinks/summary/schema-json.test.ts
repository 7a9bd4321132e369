import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { helmJson } from '../../core/helm-json.ts';
import { DEFAULT_SCHEMA_PATH, readSchema } from './helm-schema.ts';
import type { SchemaModel } from './helm-schema-types.ts';
import { autoGenerateSchema } from './schema-fix-up.ts';
import { schemaJson } from './schema-json.ts';

const GOLDEN_TEXT = readFileSync(
  fileURLToPath(new URL('../../../shared/golden/helm-0.5.16/oracle-suite-small/helm/schema.json', import.meta.url)),
  'utf8',
);
const golden = JSON.parse(GOLDEN_TEXT) as { models: SchemaModel[] } & Record<string, unknown>;

/** JSON text with every description's string replaced by a mark, so the rest compares byte for byte. */
const markDescriptions = (text: string) => text.replace(/"description": "(?:[^"\\]|\\.)*"/g, '"description": "<text>"');

describe('schemaJson', () => {
  const classic = readSchema(DEFAULT_SCHEMA_PATH);

  it("writes HELM's schema.json for the golden suite byte for byte, description texts aside", () => {
    // Models given with their keys in another order: schemaJson puts them in HELM's.
    const models = golden.models.map(({ todo, access, ...rest }) => ({ access, todo, ...rest }) as SchemaModel);
    const text = helmJson(schemaJson(classic, models));
    expect(markDescriptions(text)).toBe(markDescriptions(GOLDEN_TEXT));
    expect(text.length).toBeGreaterThan(100_000);
  });

  it("writes the models with HELM's keys in HELM's order, num_parameters as an int when known", () => {
    const model: SchemaModel = {
      todo: false,
      num_parameters: 7000000000,
      release_date: '2023-07-18',
      access: 'open',
      creator_organization: 'Meta',
      description: 'A model.',
      short_display_name: 'Llama 2 (7B)',
      display_name: 'Llama 2 (7B)',
      name: 'meta/llama-2-7b',
    };
    const json = schemaJson(classic, [model]);
    expect(Object.keys(json)).toEqual(['metrics', 'perturbations', 'metric_groups', 'run_groups', 'adapter', 'models']);
    expect(Object.keys(json.models![0]!)).toEqual([
      'name', 'display_name', 'short_display_name', 'description', 'creator_organization', 'access', 'todo', 'release_date',
      'num_parameters',
    ]);
    expect(helmJson(json.models)).toContain('"num_parameters": 7000000000\n');
  });

  it('writes no adapter list for an auto-generated schema, as HELM', () => {
    const json = schemaJson(autoGenerateSchema({ runGroupNames: ['mmlu'], metricNames: ['exact_match'] }, classic), []);
    expect(Object.keys(json)).toEqual(['metrics', 'perturbations', 'metric_groups', 'run_groups', 'models']);
  });
});
