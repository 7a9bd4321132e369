import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEMA_PATH, readSchema } from './helm-schema.ts';
import { isTemplateVariable, validateSchema } from './schema-validate.ts';

const FIXTURES = fileURLToPath(new URL('./__fixtures__/schema/', import.meta.url));
const helm = JSON.parse(readFileSync(join(FIXTURES, 'broken-schema.helm-messages.json'), 'utf8')) as {
  checked: string[];
  plain: string[];
};

describe('validateSchema', () => {
  const broken = readSchema(join(FIXTURES, 'broken-schema.yaml'));

  it("reports what HELM 0.5.16's validate_schema reports, line for line and in its order", () => {
    expect(validateSchema(broken)).toEqual(helm.plain);
    expect(helm.plain).toHaveLength(22);
  });

  it('adds the schema path and the two optional checks as HELM does', () => {
    const lines = validateSchema(broken, { schemaPath: 'broken-schema.yaml', checkParentChildPartition: true, checkOrphanChildren: true });
    expect(lines).toEqual(helm.checked);
    expect(lines.at(-1)).toBe(
      "[broken-schema.yaml] [WARNING] at run_groups[orphan]: Child run_group 'orphan' is not referenced by any parent",
    );
  });

  it('reports each cycle of subgroups once, from where the walk met it', () => {
    expect(validateSchema(broken).filter((l) => l.includes('Circular'))).toEqual([
      '[ERROR] at run_groups[loop_a].subgroups: Circular reference detected in subgroups: loop_a -> loop_b -> loop_c -> loop_a',
      '[ERROR] at run_groups[loop_b].subgroups: Circular reference detected in subgroups: loop_b -> loop_c -> loop_b',
      '[ERROR] at run_groups[self_loop].subgroups: Circular reference detected in subgroups: self_loop -> self_loop',
    ]);
  });

  it('finds nothing wrong with the classic schema (nor does HELM with its own)', () => {
    expect(validateSchema(readSchema(DEFAULT_SCHEMA_PATH))).toEqual([]);
  });

  it("takes a template variable as Python's re.match does (a final newline passes)", () => {
    expect(['${main_name}', '${main_split}\n', '${ main_name }', '${1x}', 'x${a}', '${a}b'].map(isTemplateVariable)).toEqual([
      true, true, false, false, false, false,
    ]);
  });
});
