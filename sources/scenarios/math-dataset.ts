/**
 * @module The MATH dataset as HELM's `load_dataset("hendrycks/competition_math", revision=…)` gives it: the
 * repository's loading script `competition_math.py` names an archive (`_URL`) whose `MATH/<split>/<type>/<n>.json`
 * files are the examples; HELM then sorts each split by problem and shuffles it with seed 42
 * (`.sort("problem").shuffle(seed=42)`). Fetched over the hub's plain HTTP file API at HELM's pinned revision.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../../core/errors.ts';
import { pythonAssignedLiteral } from '../../core/python-literal.ts';
import { comparePyStrings } from '../../core/python-text.ts';
import { NumpyGenerator } from '../../core/rng/numpy-generator.ts';
import { ensureDownloaded, type DownloadOptions } from '../download.ts';
import { hubEndpoint } from '../huggingface-hub.ts';

/** The dataset repository and the revision HELM pins. */
export const MATH_HUB_REPO = 'hendrycks/competition_math';
export const MATH_HUB_REVISION = '71b758ecc688b2822d07ffa7f8393299f1dc7cac';
const SCRIPT = 'competition_math.py';

/** One example as the loading script yields it (every feature a string). */
export interface MathExample {
  readonly problem: string;
  readonly level: string;
  readonly type: string;
  readonly solution: string;
}

/** Where the repository's files go: `<cacheDir>/data/hendrycks___competition_math/<revision>/` (datasets' own cache holds Arrow tables). */
export const mathRepoDir = (cacheDir: string): string => join(cacheDir, 'data', 'hendrycks___competition_math', MATH_HUB_REVISION);

/** The URL of a file of the dataset repository at the pinned revision. */
const hubDatasetUrl = (path: string): string => `${hubEndpoint()}/datasets/${MATH_HUB_REPO}/resolve/${MATH_HUB_REVISION}/${path}`;

/**
 * The `MATH` folder of the archive, downloaded and unpacked on first use: the script's `_URL` is fetched as it is
 * when absolute, else from the repository (as datasets resolves a relative path). A folder placed by hand there
 * is used without reading the script.
 */
export async function ensureMathFolder(cacheDir: string, options: DownloadOptions): Promise<string> {
  const repoDir = mathRepoDir(cacheDir);
  const mathDir = join(repoDir, 'MATH');
  if (existsSync(mathDir)) return mathDir;
  const scriptPath = join(repoDir, SCRIPT);
  try {
    await ensureDownloaded({ url: hubDatasetUrl(SCRIPT), targetPath: scriptPath }, options);
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    throw new UserError(
      `${message}\nOr place the dataset itself at ${mathDir}: its train/<type>/<n>.json and test/<type>/<n>.json files ` +
        `(each {"problem", "level", "type", "solution"}), as the archive of ${MATH_HUB_REPO} holds them.`,
      { cause },
    );
  }
  const url = pythonAssignedLiteral(readFileSync(scriptPath, 'utf8'), '_URL', scriptPath);
  if (typeof url !== 'string') throw new UserError(`${scriptPath}: _URL is not a string.`);
  const archiveUrl = /^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : hubDatasetUrl(url);
  const unpack = /\.zip$/i.test(url) ? 'zip' : 'tar';
  await ensureDownloaded({ url: archiveUrl, targetPath: mathDir, unpack, unpackedName: 'MATH' }, options);
  return mathDir;
}

/** A UTF-16 unit moved so that units compare in code-point order (surrogates after U+E000–U+FFFF). */
const codePointRank = (unit: number): number => (unit < 0xd800 ? unit : unit <= 0xdfff ? unit + 0x2000 : unit - 0x800);

/** Python's (and Arrow's UTF-8) order of two strings, without splitting them into code points. */
function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

/** Visible names in a folder (glob's `*` skips names starting with "."), in code-point order. */
const visibleNames = (dir: string): string[] => readdirSync(dir).filter((name) => !name.startsWith('.')).sort(comparePyStrings);

function readExample(path: string): MathExample {
  let record: unknown;
  try {
    record = JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
  } catch (cause) {
    throw new UserError(`${path}: not valid JSON (${(cause as Error).message}).`, { cause });
  }
  const fields = ['problem', 'level', 'type', 'solution'] as const;
  const example = record as Record<string, unknown> | null;
  for (const field of fields) {
    if (typeof example?.[field] !== 'string') throw new UserError(`${path}: expected a string field '${field}' (MATH's {"problem", "level", "type", "solution"}).`);
  }
  return { problem: example!['problem'] as string, level: example!['level'] as string, type: example!['type'] as string, solution: example!['solution'] as string };
}

/**
 * One split as HELM holds it after `.sort("problem").shuffle(seed=42)`: the files of `MATH/<split>/*\/*` (the
 * script globs them; glob's order is the file system's, so here it is code-point order, which only decides
 * between examples with the same problem), stably sorted by problem in code-point order (Arrow compares
 * UTF-8 bytes), then in the order of NumPy's `default_rng(42).permutation`. The whole split is held: sorting
 * and shuffling need it (MATH has 7,500 train and 5,000 test examples).
 */
export function readMathSplit(mathDir: string, split: 'train' | 'test', seed = 42): MathExample[] {
  const splitDir = join(mathDir, split);
  if (!existsSync(splitDir)) throw new UserError(`${splitDir} is missing: MATH has ${split}/<type>/<n>.json files.`);
  const examples: MathExample[] = [];
  for (const group of visibleNames(splitDir)) {
    const groupDir = join(splitDir, group);
    if (!statSync(groupDir).isDirectory()) continue;
    for (const name of visibleNames(groupDir)) {
      const path = join(groupDir, name);
      if (statSync(path).isFile()) examples.push(readExample(path));
    }
  }
  examples.sort((a, b) => compareCodePoints(a.problem, b.problem)); // Array.prototype.sort is stable
  return new NumpyGenerator(seed).permutation(examples.length).map((i) => examples[i]!);
}
