/**
 * @module The output directory checked before any run starts: `-o` must be a directory (or creatable as one) and the
 * suite's folder `<output-path>/runs/<suite>` writable, else a UserError naming the path now rather than a stack
 * trace (or a DuckDB error) at the end of a run.
 */
import { mkdtempSync, rmdirSync, statSync, type Stats } from 'node:fs';
import { dirname, join } from 'node:path';
import { UserError } from '../../core/errors.ts';

/** The options the check reads (`-o/--output-path`, `--suite`). */
export interface OutputPathOptions {
  readonly outputPath: string;
  readonly suite: string;
}

/** A path's stats, or undefined where nothing is (ENOENT), a file stands in the way (ENOTDIR) or it cannot be seen (EACCES). */
function statIfAny(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR' || code === 'EACCES') return undefined; // the probe of a folder above says why
    throw error;
  }
}

/** The deepest path of `path` and its ancestors that exists, with its stats. */
function deepestExisting(path: string): { path: string; stats: Stats } {
  for (let at = path; ; at = dirname(at)) {
    const stats = statIfAny(at);
    if (stats !== undefined) return { path: at, stats };
    if (dirname(at) === at) throw new Error(`no ancestor of ${path} exists, not even the root`);
  }
}

/** Why a file system call failed, in words. */
function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EROFS') return 'the file system is read-only';
  if (code === 'ENOSPC') return 'no space left on the device';
  return (error as Error).message;
}

/**
 * Checks, before any run starts, that runs can be written: `-o` is not a file, and `<output-path>/runs/<suite>` can be
 * created (no file stands in the way, and its deepest existing folder takes new entries) or, where it exists, written.
 * The probe is a uniquely named folder made and removed at once: nothing is left behind, and processes started
 * together do not trip over each other. Throws a UserError naming the path and what to do.
 * @example checkOutputPath({ outputPath: 'benchmark_output', suite: 'v1' })
 */
export function checkOutputPath(options: OutputPathOptions): void {
  const { outputPath } = options;
  if (statIfAny(outputPath)?.isDirectory() === false) {
    throw new UserError(
      `-o/--output-path ${outputPath} is a file, not a directory: give a directory (it is created if missing), e.g. -o benchmark_output.`,
    );
  }
  const suiteDir = join(outputPath, 'runs', options.suite);
  const existing = deepestExisting(suiteDir);
  const action = existing.path === suiteDir ? 'write in' : 'create';
  const fix = 'Give -o/--output-path a directory you can write to.';
  if (!existing.stats.isDirectory()) {
    throw new UserError(`Cannot create the output directory ${suiteDir}: ${existing.path} is a file, not a directory. ${fix}`);
  }
  try {
    rmdirSync(mkdtempSync(join(existing.path, '.helm-write-probe-')));
  } catch (error) {
    const where = existing.path === suiteDir ? '' : ` (in ${existing.path})`;
    throw new UserError(`Cannot ${action} the output directory ${suiteDir}: ${reasonOf(error)}${where}. ${fix}`, { cause: error });
  }
}
