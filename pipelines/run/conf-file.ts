/**
 * @module Run-entry conf files (`-c/--conf-paths`): HOCON as HELM's stock `run_entries*.conf` use it,
 * validated into RunEntry records (HELM `presentation/run_entry.py`: pyhocon, then dacite).
 */
import { readFile } from 'node:fs/promises';
import { closeMatches, UserError } from '../../core/errors.ts';
import { parseHoconText } from './hocon-text.ts';

/** One thing to run: a description (`name:k=v,...`), its priority (1 highest … 5 lowest) and extra groups. */
export interface RunEntry {
  readonly description: string;
  readonly priority?: number;
  readonly groups?: readonly string[];
}

const ENTRY_FIELDS = ['description', 'priority', 'groups'] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}

/** Validates one raw entry (dacite `RunEntry`): null optional fields count as absent. */
function toRunEntry(raw: unknown, index: number, file: string): RunEntry {
  const where = (extra: string): string => `${file}: entry #${index + 1}${extra}`;
  if (!isRecord(raw)) throw new UserError(`${where('')} must be an object {description: "..."}, got ${typeName(raw)}.`);
  const description = raw['description'];
  if (typeof description !== 'string') {
    throw new UserError(
      `${where('')} needs a string 'description' ("name:key=value,..."), got ${description === undefined ? 'none' : typeName(description)}.`,
    );
  }
  const named = where(` ('${description}')`);
  for (const key of Object.keys(raw)) {
    if (!(ENTRY_FIELDS as readonly string[]).includes(key)) {
      const close = closeMatches(key, ENTRY_FIELDS);
      throw new UserError(
        `${named} has an unknown field '${key}'.${close.length > 0 ? ` Did you mean: ${close.join(', ')}?` : ''} ` +
          `Valid fields: ${ENTRY_FIELDS.join(', ')}.`,
      );
    }
  }
  const entry: { description: string; priority?: number; groups?: string[] } = { description };
  const priority = raw['priority'];
  if (priority !== undefined && priority !== null) {
    if (typeof priority !== 'number' || !Number.isInteger(priority)) {
      throw new UserError(`${named}: 'priority' must be an integer (1 highest … 5 lowest), got ${typeName(priority)}.`);
    }
    entry.priority = priority;
  }
  const groups = raw['groups'];
  if (groups !== undefined && groups !== null) {
    if (!Array.isArray(groups) || !groups.every((g): g is string => typeof g === 'string')) {
      throw new UserError(`${named}: 'groups' must be a list of strings, got ${JSON.stringify(groups)}.`);
    }
    entry.groups = groups;
  }
  return entry;
}

/**
 * Parses the text of a conf file (`entries: [ {description: "...", priority: N, groups: [...]} ... ]`).
 * `file` names the file in error messages, which give line and column for malformed HOCON.
 */
export async function parseConf(text: string, file: string): Promise<RunEntry[]> {
  const raw = await parseHoconText(text, `Malformed conf file ${file}`);
  if (!isRecord(raw) || !Array.isArray(raw['entries'])) {
    throw new UserError(
      `Conf file ${file} must define a list 'entries: [ {description: "name:key=value", priority: 1} ... ]'` +
        (isRecord(raw) && raw['entries'] !== undefined ? `, but 'entries' is ${typeName(raw['entries'])}.` : '.'),
    );
  }
  return raw['entries'].map((entry, index) => toRunEntry(entry, index, file));
}

/** Reads and concatenates conf files in order (HELM `read_run_entries`). */
export async function readConfFiles(paths: readonly string[]): Promise<RunEntry[]> {
  const entries: RunEntry[] = [];
  for (const path of paths) {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (cause) {
      throw new UserError(`Cannot read conf file ${path}: ${(cause as Error).message}`, { cause });
    }
    entries.push(...(await parseConf(text, path)));
  }
  return entries;
}

/** The sources of run entries on the command line. */
export interface RunEntrySources {
  readonly confPaths: readonly string[];
  readonly runEntries: readonly string[];
  readonly runSpecs: readonly string[];
}

/**
 * All run entries in HELM's order: conf files first, then `-r/--run-entries`, then the deprecated
 * `--run-specs`; the command-line ones get priority 1 and no groups (HELM `helm_run`).
 */
export async function collectRunEntries(sources: RunEntrySources): Promise<RunEntry[]> {
  const fromCli = [...sources.runEntries, ...sources.runSpecs].map((description) => ({ description, priority: 1 }));
  return [...(await readConfFiles(sources.confPaths)), ...fromCli];
}
