/**
 * @module The object HELM writes as `schema.json` (`Summarizer.write_schema`): the schema as HELM's
 * `asdict_without_nones` gives it (keys in dataclass order, None fields left out), then the models used.
 */
import type { HelmSchema, SchemaModel } from './helm-schema-types.ts';
import { metricGroup, runGroup, schemaField, schemaModel } from './schema-records.ts';

/**
 * `schema.json`'s content, keys in HELM's order: metrics, perturbations, metric_groups, run_groups, `adapter` (the
 * AdapterSpec fields, which `readSchema` puts in as HELM's `read_schema` does; an auto-generated schema has none, so
 * neither has its schema.json, as in HELM), then `models` (HELM: the models the suite's runs used, in the order of
 * the model metadata). Write it with `helmJson` from `core/helm-json.ts`.
 * @example await writeFile(join(suiteDir, 'schema.json'), helmJson(schemaJson(schema, models)));
 */
export function schemaJson(schema: HelmSchema, models: readonly SchemaModel[]): HelmSchema {
  const json: HelmSchema = {
    metrics: schema.metrics.map(schemaField),
    perturbations: schema.perturbations.map(schemaField),
    metric_groups: schema.metric_groups.map(metricGroup),
    run_groups: schema.run_groups.map(runGroup),
  };
  return {
    ...json,
    ...(schema.adapter === undefined ? {} : { adapter: schema.adapter.map(schemaField) }),
    models: models.map(schemaModel),
  };
}
