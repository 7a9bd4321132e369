// run_spec.json of imdb, babi_qa, civil_comments and raft against HELM 0.5.16's own text for the same run entries
// (../__fixtures__/cls1-run-specs.helm.json, made by cls1-run-specs.helm.py with /work/anchor: run_entries_to_run_specs, -m 10).
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { adapterSpecJson } from '../../../core/adapter-spec.ts';
import { helmJson } from '../../../core/helm-json.ts';
import type { RunSpec } from '../../../core/run-spec.ts';
import { loadModelRegistry } from '../model-registry.ts';
import { runEntriesToRunSpecs } from '../run-entries.ts';
import { raft } from './raft.ts';
import { RunSpecArgs } from './run-spec-function.ts';

const HELM = JSON.parse(readFileSync(join(import.meta.dirname, '../__fixtures__/cls1-run-specs.helm.json'), 'utf8')) as Record<string, string>;
const SETTINGS = join(import.meta.dirname, '../../../sources/scenarios/__fixtures__/raft/prompt_construction_settings.json');
const registry = loadModelRegistry('/nonexistent/prod_env');
const work = mkdtempSync(join(tmpdir(), 'cls1-run-specs-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const runSpecJson = (runSpec: RunSpec): string => helmJson({ ...runSpec, adapter_spec: adapterSpecJson(runSpec.adapter_spec) });
const runSpecsOf = (description: string): RunSpec[] =>
  runEntriesToRunSpecs([{ description, priority: 1 }], { maxEvalInstances: 10, warn: () => undefined }, registry);

/** Runs `f` in a directory whose benchmark_output/scenarios/raft holds the fixture's prompt settings (HELM's default -o). */
function inRaftOutput<T>(f: () => T): T {
  const dir = join(work, 'cwd');
  mkdirSync(join(dir, 'benchmark_output', 'scenarios', 'raft'), { recursive: true });
  cpSync(SETTINGS, join(dir, 'benchmark_output', 'scenarios', 'raft', 'prompt_construction_settings.json'));
  const previous = process.cwd();
  process.chdir(dir);
  try {
    return f();
  } finally {
    process.chdir(previous);
  }
}

describe('imdb, babi_qa, civil_comments and raft run specs, as HELM writes them', () => {
  const entries = Object.keys(HELM).filter((key) => key !== '_about');

  it.each(entries)('%s', (description) => {
    const [runSpec, ...rest] = description.startsWith('raft:') ? inRaftOutput(() => runSpecsOf(description)) : runSpecsOf(description);
    expect(rest).toEqual([]);
    expect(runSpecJson(runSpec!)).toBe(HELM[description]);
  });

  it('covers each run-spec function', () => {
    expect(new Set(entries.map((e) => e.split(':')[0]))).toEqual(new Set(['imdb', 'babi_qa', 'civil_comments', 'raft']));
  });
});

describe('raft reads its instructions from the output path it is given', () => {
  it('takes <outputPath>/scenarios/raft/prompt_construction_settings.json, and names it when missing', () => {
    const out = join(work, 'out');
    mkdirSync(join(out, 'scenarios', 'raft'), { recursive: true });
    cpSync(SETTINGS, join(out, 'scenarios', 'raft', 'prompt_construction_settings.json'));
    const args = new RunSpecArgs('raft', new Map([['subset', 'ade_corpus_v2']]));
    const build = raft.build as (a: RunSpecArgs, context: { outputPath: string }) => RunSpec;
    expect(build(args, { outputPath: out }).adapter_spec.instructions).toBe(
      'Label the sentence based on whether it is related to an adverse drug effect (ADE). (Instructions written for this test fixture.)\n',
    );
    const missing = join(work, 'missing');
    expect(() => build(args, { outputPath: missing })).toThrow(`raft needs ${join(missing, 'scenarios', 'raft', 'prompt_construction_settings.json')}`);
    expect(() => build(new RunSpecArgs('raft', new Map([['subset', 'banking77']])), { outputPath: out })).toThrow(
      'raft: unknown subset "banking77". Did you mean: banking_77?',
    );
  });
});
