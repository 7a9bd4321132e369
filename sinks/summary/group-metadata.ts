/** @module `groups_metadata.json` (HELM `summarize.py` `create_groups_metadata`): each run group's names and taxonomy. */
import type { HelmSchema, Taxonomy } from './helm-schema-types.ts';

/** One group's entry; None fields are JSON null here (a plain dict in HELM, not a dataclass). */
export interface GroupMetadata {
  readonly display_name: string | null;
  readonly description: string | null;
  /** The taxonomy without its None fields, or null. */
  readonly taxonomy: Taxonomy | null;
}

const TAXONOMY_FIELDS = ['task', 'what', 'when', 'who', 'language'] as const; // TaxonomyInfo's field order

/**
 * The object HELM writes as `groups_metadata.json`: for every run group of the schema, in schema order, its display
 * name, description and taxonomy (fields in TaxonomyInfo order, absent ones left out; null when it has none).
 * @example helmJson(groupsMetadata(schema))
 */
export function groupsMetadata(schema: HelmSchema): Record<string, GroupMetadata> {
  const out: Record<string, GroupMetadata> = {};
  for (const group of schema.run_groups) {
    const taxonomy = group.taxonomy;
    out[group.name] = {
      display_name: group.display_name ?? null,
      description: group.description ?? null,
      taxonomy:
        taxonomy === undefined || taxonomy === null
          ? null
          : Object.fromEntries(TAXONOMY_FIELDS.flatMap((key) => (taxonomy[key] == null ? [] : [[key, taxonomy[key]]]))),
    };
  }
  return out;
}
