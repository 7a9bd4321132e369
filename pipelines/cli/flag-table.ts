/**
 * @module A command's flags as one typed table, parsed like argparse with commander: any unambiguous prefix of a long
 * flag works (`--conf` → `--conf-paths`), `-x=value` is `-x value`, an unknown flag gets close spellings. `helm-run`
 * and `helm-summarize` each declare a table; this parses it.
 */
import { Command, CommanderError } from 'commander';
import { closeMatches, UserError } from '../../core/errors.ts';
import { parsePyInt } from '../../core/python-number.ts';

export type FlagKind = 'string' | 'int' | 'bool' | 'list' | 'optionalList';

/** One flag: argparse's `nargs='+'` is `list`, `nargs='*'` is `optionalList`. */
export interface FlagSpec {
  readonly long: string;
  readonly short?: string;
  readonly kind: FlagKind;
  readonly help: string;
  /** Matched only when typed in full (not by prefix), so it does not shadow HELM's abbreviations. */
  readonly isExactOnly?: boolean;
  /** A HELM flag we parse but do not implement: using it is an error (`refuseUnsupported`), never a silent no-op. */
  readonly unsupported?: string;
  /** A flag accepted and ignored, with a warning saying why. */
  readonly noEffect?: string;
}

/** A command: its name, what it does, its flags. */
export interface FlagTable {
  readonly name: string;
  readonly description: string;
  readonly flags: readonly FlagSpec[];
}

/** Thrown for `-h/--help`; `text` is the help to print (exit 0). */
export class HelpRequested extends Error {
  override readonly name = 'HelpRequested';
  constructor(readonly text: string) {
    super('help requested');
  }
}

/** What `--help` adds to a flag we accept but do not implement. */
export function supportNote(flag: FlagSpec): string {
  if (flag.unsupported !== undefined) return ` (accepted; not supported here: ${flag.unsupported})`;
  if (flag.noEffect !== undefined) return ` (accepted; no effect here: ${flag.noEffect})`;
  return '';
}

const camel = (long: string): string => long.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** Whether a flag was given a value: not absent, not '' (HELM's default --mongo-uri), not an empty list. */
function isGiven(value: unknown): boolean {
  return value !== undefined && value !== false && value !== '' && !(Array.isArray(value) && value.length === 0);
}

function buildCommand(table: FlagTable, output: { text: string }): Command {
  const command = new Command(table.name)
    .description(table.description)
    .exitOverride()
    .allowExcessArguments(false)
    .configureOutput({ writeOut: (s) => (output.text += s), writeErr: () => {} });
  for (const flag of table.flags) {
    const names = `${flag.short === undefined ? '' : `-${flag.short}, `}--${flag.long}`;
    const argument = { string: ' <value>', int: ' <n>', bool: '', list: ' <values...>', optionalList: ' [values...]' }[flag.kind];
    command.option(names + argument, flag.help + supportNote(flag));
  }
  return command;
}

/**
 * argparse's abbreviations, done before commander sees the argv: a `--prefix` (optionally `=value`) matching exactly
 * one long flag is expanded; one matching several is an error. `-x=value` becomes `-x value` as in argparse.
 * Everything after `--` is left alone.
 */
export function expandPrefixes(argv: readonly string[], flags: readonly FlagSpec[]): string[] {
  const longs = [...flags.map((f) => f.long), 'help'];
  const shorts = new Set(flags.flatMap((f) => (f.short === undefined ? [] : [f.short])));
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      out.push(...argv.slice(i));
      break;
    }
    const short = /^-([a-zA-Z])=(.*)$/s.exec(arg);
    if (short !== null && shorts.has(short[1]!)) {
      out.push(`-${short[1]}`, short[2]!);
      continue;
    }
    if (!arg.startsWith('--') || arg.length === 2) {
      out.push(arg);
      continue;
    }
    const equals = arg.indexOf('=');
    const typed = arg.slice(2, equals < 0 ? undefined : equals);
    const rest = equals < 0 ? '' : arg.slice(equals);
    if (longs.includes(typed)) {
      out.push(arg);
      continue;
    }
    const matches = longs.filter((long) => long.startsWith(typed) && !flags.find((f) => f.long === long)?.isExactOnly);
    if (matches.length > 1) {
      throw new UserError(`Ambiguous option --${typed}: could match ${matches.map((m) => `--${m}`).join(', ')}.`);
    }
    out.push(matches.length === 1 ? `--${matches[0]}${rest}` : arg);
  }
  return out;
}

function commanderMessage(error: CommanderError, flags: readonly FlagSpec[]): string {
  const unknown = /unknown option '(--?[^']+)'/.exec(error.message);
  if (unknown !== null) {
    const flag = unknown[1]!.replace(/^-+/, '');
    const longs = flags.map((f) => f.long);
    // Close spellings, else flags sharing the first word (HELM's docs say --conf-file for --conf-paths).
    const firstWord = flag.split('-')[0]!;
    const close = closeMatches(flag, longs);
    if (close.length === 0) close.push(...longs.filter((long) => long.split('-')[0] === firstWord));
    return `Unknown option ${unknown[1]}.${close.length > 0 ? ` Did you mean: ${close.map((c) => `--${c}`).join(', ')}?` : ''} See --help.`;
  }
  return `${error.message.replace(/^error: /, '')}. See --help.`;
}

/**
 * An int flag as Python `int()` reads it, from `min` to the largest integer a double holds exactly (2^53 − 1): a bigger
 * one would be changed silently here.
 */
export function intFlag(flag: string, raw: unknown, min: number): number | undefined {
  if (raw === undefined) return undefined;
  const max = Number.MAX_SAFE_INTEGER;
  const value = parsePyInt(String(raw));
  if (value === undefined) throw new UserError(`argument ${flag}: invalid int value: '${String(raw)}' (give an integer from ${min} to ${max}).`);
  if (value < min) throw new UserError(`argument ${flag}: must be at least ${min}, got ${String(raw).trim()}.`);
  if (value > max) throw new UserError(`argument ${flag}: must be an integer from ${min} to ${max}, got ${String(raw).trim()}.`);
  return value;
}

/** What is wrong with a suite name, which names one folder `<output-path>/runs/<suite>`, if anything. */
function suiteProblem(suite: string): string | undefined {
  if (suite === '') return 'is empty';
  if (/[/\\\0]/.test(suite)) return "contains a '/', '\\' or NUL";
  if (suite === '.' || suite === '..') return `is '${suite}'`;
  return undefined;
}

/** `suite` when it names one folder; else a UserError saying so (`flag` is the flag that gave it). */
export function checkSuite(suite: string, flag = '--suite'): string {
  const problem = suiteProblem(suite);
  if (problem === undefined) return suite;
  throw new UserError(
    `argument ${flag} ${problem}: it names one folder, <output-path>/runs/<suite>, so give a plain name such as ${flag} v1 (got '${suite}').`,
  );
}

/** The parsed flags: typed getters by long name, and the notes on no-effect flags that were given. */
export interface ParsedFlags {
  text(long: string): string | undefined;
  bool(long: string): boolean;
  /** A list flag's values (commander gives `true` for an optional list typed with no values). */
  list(long: string): string[] | undefined;
  raw(long: string): unknown;
  readonly warnings: string[];
  /** Positional arguments. */
  readonly args: readonly string[];
}

/**
 * Parses `argv` (without `node` and the script) by `table`. Throws UserError for unknown, ambiguous, missing or
 * ill-typed flags and for `unsupported` ones that were given, and HelpRequested for `-h/--help`.
 */
export function parseFlags(table: FlagTable, argv: readonly string[], options: { allowArguments?: boolean } = {}): ParsedFlags {
  const output = { text: '' };
  const command = buildCommand(table, output);
  if (options.allowArguments === true) command.allowExcessArguments(true);
  try {
    command.parse(expandPrefixes(argv, table.flags), { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.help') throw new HelpRequested(output.text);
      throw new UserError(commanderMessage(error, table.flags), { cause: error });
    }
    throw error;
  }
  const raw = command.opts<Record<string, unknown>>();
  const get = (long: string): unknown => raw[camel(long)];
  return {
    text: (long) => get(long) as string | undefined,
    bool: (long) => get(long) === true,
    list: (long) => {
      const value = get(long);
      return value === undefined ? undefined : value === true ? [] : (value as string[]);
    },
    raw: get,
    warnings: table.flags.filter((flag) => flag.noEffect !== undefined && isGiven(get(flag.long))).map(
      (flag) => `--${flag.long} has no effect here: ${flag.noEffect}.`,
    ),
    args: command.args,
  };
}

/** Refuses the flags of `table` that are `unsupported` and were given, naming each with why. */
export function refuseUnsupportedFlags(table: FlagTable, given: (long: string) => unknown): void {
  const used = table.flags.filter((flag) => flag.unsupported !== undefined && isGiven(given(flag.long)));
  if (used.length > 0) {
    throw new UserError(`Not supported yet: ${used.map((flag) => `--${flag.long} (${flag.unsupported})`).join(', ')}. Run without it.`);
  }
}

/** The `--help` text of `table`. */
export const helpText = (table: FlagTable): string => buildCommand(table, { text: '' }).helpInformation();
