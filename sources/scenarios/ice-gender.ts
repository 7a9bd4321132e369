/**
 * @module HELM's `ICEScenario.filter_by_metadata`: the corpus files of one ICE subset whose authors or speakers
 * are all of one gender, from the subset's `Headers/` folder: Excel sheets for Canada and Hong Kong (read as
 * pandas' `read_excel` gives them: the first row is the header, empty cells and pandas' NA strings are NaN), one
 * `*.hdr` file per text with `<gender>` elements for India and the USA.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../../core/errors.ts';
import { pythonRegExp } from '../../core/python-regexp.ts';
import { comparePyStrings } from '../../core/python-text.ts';
import { readXlsSheets, type XlsCell } from '../../core/xls-workbook.ts';
import { readPythonTextFile } from './ice-text-file.ts';

export type IceGender = 'male' | 'female';

/** HELM `GENDER_ANNOTATIONS`. */
const ANNOTATIONS: Readonly<Record<IceGender, ReadonlySet<string>>> = {
  male: new Set(['M', 'm', 'Male', 'male']),
  female: new Set(['F', 'f', 'Female', 'female']),
};

/** The metadata HELM reads per subset: Excel files (with the 0-based columns that hold a gender) or `.hdr` files. */
export const ICE_METADATA: Readonly<Record<string, { readonly sheets: 'first' | 'all'; readonly files: readonly (readonly [string, readonly number[]])[] } | 'hdr'>> = {
  can: { sheets: 'first', files: [['Spoken ICE-CAN metadata.xls', [12]], ['Written ICE-CAN metadata.xls', [12, 19]]] },
  hk: { sheets: 'all', files: [['HKRecords.xls', [16]]] },
  ind: 'hdr',
  usa: 'hdr',
};

/** pandas' default NA strings (`read_excel` turns these cells, and empty ones, into NaN). */
const PANDAS_NA = new Set(['', '#N/A', '#N/A N/A', '#NA', '-1.#IND', '-1.#QNAN', '-NaN', '-nan', '1.#IND', '1.#QNAN', '<NA>', 'N/A', 'NA', 'NULL', 'NaN', 'n/a', 'nan', 'null']);
const isNa = (cell: XlsCell): boolean => cell === null || (typeof cell === 'string' && PANDAS_NA.has(cell)) || (typeof cell === 'number' && Number.isNaN(cell));

/** Text codes of the rows of an Excel metadata file whose gender columns hold one of `genders`. */
async function codesFromExcel(path: string, sheets: 'first' | 'all', columns: readonly number[], genders: ReadonlySet<string>, codes: Set<string>): Promise<void> {
  const bytes = await readFile(path); // a missing file is named by the caller
  let book;
  try {
    book = readXlsSheets(bytes);
  } catch (error) {
    throw new UserError(`ice: cannot read the metadata workbook ${path}: ${(error as Error).message}.`, { cause: error });
  }
  for (const sheet of sheets === 'first' ? book.slice(0, 1) : book) {
    sheet.rows.slice(1).forEach((row, i) => {
      const code = row[0]!;
      if (isNa(code)) return;
      const outside = columns.find((c) => c >= row.length);
      if (outside !== undefined) {
        throw new UserError(`ice: sheet '${sheet.name}' of ${path} has ${row.length} columns; HELM reads the gender in column ${outside + 1} (IndexError).`);
      }
      if (!columns.some((c) => typeof row[c] === 'string' && genders.has(row[c]))) return;
      if (typeof code !== 'string') {
        throw new UserError(`ice: row ${i + 2} of sheet '${sheet.name}' of ${path} names its text by ${String(code)}, not by text (HELM fails to make it a pattern).`);
      }
      codes.add(code);
    });
  }
}

/** Text codes (file names less 4 characters) of the `*hdr` files whose `<gender>` elements all hold one of `genders`. */
async function codesFromHeaders(dir: string, genders: ReadonlySet<string>, codes: Set<string>): Promise<void> {
  for (const name of await readdir(dir)) {
    if (!name.endsWith('hdr')) continue;
    const text = await readPythonTextFile(join(dir, name));
    const found = text.match(/(?<=<gender>)[\p{L}\p{N}_]+(?=<\/gender>)/gu) ?? [];
    if (found.length > 0 && found.every((g) => genders.has(g))) codes.add(Array.from(name).slice(0, -4).join(''));
  }
}

/**
 * The names among `corpusFiles` that start (case-insensitively, as a Python pattern) with the code of a text whose
 * metadata gives only `gender`, in Python's sorted order.
 * @example await iceFilesOfGender('ind', 'restricted/ice/ICE India/Headers', ['S1A-001.txt'], 'male')
 */
export async function iceFilesOfGender(subset: string, headerDir: string, corpusFiles: readonly string[], gender: IceGender): Promise<string[]> {
  const metadata = ICE_METADATA[subset];
  if (metadata === undefined) throw new Error(`ice: subset ${subset} has no metadata`);
  const codes = new Set<string>();
  try {
    if (metadata === 'hdr') await codesFromHeaders(headerDir, ANNOTATIONS[gender], codes);
    else for (const [file, columns] of metadata.files) await codesFromExcel(join(headerDir, file), metadata.sheets, columns, ANNOTATIONS[gender], codes);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw new UserError(`ice: gender=${gender} reads the metadata of subset ${subset} in ${headerDir}, and ${(error as NodeJS.ErrnoException).path} is not there.`, { cause: error });
  }
  const patterns = [...codes].map((code) => {
    try {
      const pattern = pythonRegExp(code);
      return new RegExp(pattern.source, pattern.flags + 'iy'); // sticky from 0: Python's re.match
    } catch (cause) {
      throw new UserError(`ice: the text code ${JSON.stringify(code)} in the metadata of ${headerDir} is not a pattern HELM can compile (${(cause as Error).message}).`, { cause });
    }
  });
  const matches = (name: string): boolean =>
    patterns.some((pattern) => {
      pattern.lastIndex = 0;
      return pattern.test(name);
    });
  return corpusFiles.filter(matches).sort(comparePyStrings);
}
