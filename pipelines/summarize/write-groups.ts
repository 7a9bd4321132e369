/**
 * @module The leaderboard files of a summary (HELM `write_groups`): `groups.json`, `groups_metadata.json`, and per
 * run group `groups/<group>.json` with each table's JSON, LaTeX, Markdown and SQL under `groups/`. Tables are
 * computed and written group by group.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { writeHelmJsonFile } from '../../sinks/helm-json-file.ts';
import { indexTables } from '../../sinks/summary/group-index-tables.ts';
import { groupsMetadata } from '../../sinks/summary/group-metadata.ts';
import { groupTables, loadSuiteIndex } from '../../sinks/summary/group-tables.ts';
import type { GroupTableContext } from '../../sinks/summary/group-table.ts';
import { tableHelmRecord, withTableFileLinks, writeTableFiles } from '../../sinks/summary/table-files.ts';

/** What the group files need: where they go, and the groups folder as HELM spells it in links (from the output path as given). */
export interface GroupFilesTarget {
  readonly dir: string;
  readonly groupsHref: string;
}

/** Writes the group files; returns how many group files and tables were written. */
export async function writeGroupFiles(context: GroupTableContext, target: GroupFilesTarget): Promise<{ groups: number; tables: number }> {
  const suite = await loadSuiteIndex(context);
  const index = await indexTables(context, suite);
  await writeHelmJsonFile(join(target.dir, 'groups.json'), index.map(({ table }) => tableHelmRecord(table)));
  await writeHelmJsonFile(join(target.dir, 'groups_metadata.json'), groupsMetadata(context.schema));
  const groupsDir = join(target.dir, 'groups');
  await mkdir(groupsDir, { recursive: true });
  let groups = 0;
  let tables = 0;
  for await (const { group, tables: groupTablesList } of groupTables(context, suite)) {
    const linked = groupTablesList.map(({ table, sql }) => ({ table: withTableFileLinks(table, group.name, target.groupsHref), sql }));
    for (const { table, sql } of linked) await writeTableFiles(groupsDir, table, { groupName: group.name, sql });
    await writeHelmJsonFile(join(groupsDir, `${group.name}.json`), linked.map(({ table }) => tableHelmRecord(table)));
    groups += 1;
    tables += linked.length;
  }
  return { groups, tables };
}
