/** @module Test support: the golden MMLU anatomy run (HELM 0.5.16, simple/model1): its input CSVs as instances, its request states. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { adapterSpec, type AdapterSpec } from '../../../core/adapter-spec.ts';
import { reference, type Instance, type Split } from '../../../core/instance.ts';
import type { CompletedRequest } from '../../../core/request.ts';

const GOLDEN = fileURLToPath(new URL('../../../../shared/golden/helm-0.5.16/mmlu-anatomy/', import.meta.url));
const read = (path: string): string => readFileSync(`${GOLDEN}${path}`, 'utf8');

/** A crude CSV reader, enough for the golden files: quoted fields, `""` escapes, `\r\n` or `\n` rows. */
function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), (i += 1);
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') continue;
    else if (c === '\n') row.push(field), rows.push(row), (row = []), (field = '');
    else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

/** MMLU's reading of one row (mmlu_scenario.py): every choice equal to the answer's text is correct. */
function rowInstance(row: readonly string[], split: Split, id: string): Instance {
  const choices = row.slice(1, -1);
  const answer = choices['ABCD'.indexOf(row[row.length - 1]!)];
  if (answer === undefined) throw new Error(`bad golden CSV row for ${id}: ${JSON.stringify(row)}`);
  return { input: { text: row[0]! }, references: choices.map((c) => reference(c, c === answer)), split, id };
}

/** The scenario's instances with HELM's ids: dev rows (train) id0…id4, then test rows id5…id54. */
export function goldenMmluInstances(): { train: Instance[]; test: Instance[] } {
  const dev = csvRows(read('input/scenarios/mmlu/data/dev/anatomy_dev.csv'));
  const test = csvRows(read('input/scenarios/mmlu/data/test/anatomy_test.csv'));
  return {
    train: dev.map((row, i) => rowInstance(row, 'train', `id${i}`)),
    test: test.map((row, i) => rowInstance(row, 'test', `id${dev.length + i}`)),
  };
}

interface GoldenScenarioState {
  readonly adapter_spec: Partial<AdapterSpec>;
  readonly request_states: readonly CompletedRequest[];
}

/** The golden adapter spec and request states (JSON as written: `0.0` reads back as 0). */
export function goldenMmluState(): { spec: AdapterSpec; states: readonly CompletedRequest[] } {
  const state = JSON.parse(read('run/scenario_state.json')) as GoldenScenarioState;
  return { spec: adapterSpec(state.adapter_spec), states: state.request_states };
}
