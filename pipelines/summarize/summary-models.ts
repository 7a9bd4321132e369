/**
 * @module The models summarize shows, from the model registry (built-in configs, then `--local-path`): every model in
 * HELM's `get_all_models()` order (table row order and display names) and, for `schema.json`, the metadata of the
 * models the runs used (HELM `get_model_field_dicts`).
 */
import type { SchemaModel } from '../../sinks/summary/helm-schema-types.ts';
import type { ModelLookup } from '../../sinks/summary/group-rows.ts';
import type { ModelRegistry } from '../run/model-registry.ts';

/** The registry's models and deployments as the group tables look them up. */
export function modelLookup(registry: ModelRegistry): ModelLookup {
  return {
    models: registry.allModelNames().map((name) => ({ name, display_name: registry.model(name)?.display_name ?? name })),
    modelOfDeployment: (deployment) => registry.deployment(deployment)?.model_name,
  };
}

/** HELM `get_model_metadata_for_adapter_spec`: by model, else by the deployment's model, else by a deployment named like the model. */
export function metadataModelName(registry: ModelRegistry, adapter: { model: string; model_deployment: string }): string {
  if (registry.model(adapter.model) !== undefined) return adapter.model;
  for (const deployment of [adapter.model_deployment, adapter.model]) {
    const model = registry.deployment(deployment)?.model_name;
    if (model !== undefined && registry.model(model) !== undefined) return model;
  }
  return adapter.model; // HELM's "unknown model" placeholder, which schema.json does not list
}

/** `schema.json`'s `models`: the used models that the registry knows, in its order, as HELM's `_ModelField`. */
export function schemaModels(registry: ModelRegistry, usedModelNames: ReadonlySet<string>): SchemaModel[] {
  return registry.allModelNames().filter((name) => usedModelNames.has(name)).map((name) => {
    const model = registry.model(name)!;
    const displayName = model.display_name ?? name;
    return {
      name,
      display_name: displayName,
      short_display_name: displayName,
      ...(model.description === undefined ? {} : { description: model.description }),
      ...(model.creator_organization_name === undefined ? {} : { creator_organization: model.creator_organization_name }),
      ...(model.access === undefined ? {} : { access: model.access }),
      todo: false,
      ...(model.release_date === undefined ? {} : { release_date: model.release_date }),
      ...(model.num_parameters === undefined ? {} : { num_parameters: model.num_parameters }),
    };
  });
}
