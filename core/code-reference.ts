/**
 * @module HELM's CodeReference (`scenarios/code_scenario.py`): a reference that also carries the tests its code
 * is run against (`test_cases`). HELM never writes them out (they are not a dataclass field), and neither do we:
 * `instanceJson` writes a reference's output and tags only. The code metrics read them back with
 * `codeTestCasesOf`.
 */
import type { Reference } from './instance.ts';

/**
 * HELM's `test_cases` dict: for HumanEval the whole problem (`task_id`, `prompt`, `canonical_solution`, `test`,
 * `entry_point`); for APPS the problem folder as `root` (the tests are read from its `input_output.json` when
 * the code runs), an absolute path here, since the code runs in a folder of its own.
 */
export type CodeTestCases = Readonly<Record<string, unknown>>;

/** A reference with the tests of its problem. */
export interface CodeReference extends Reference {
  readonly test_cases: CodeTestCases;
}

/** The tests a reference carries, or undefined for a plain reference (HELM would fail on it: `assert ... is not None`). */
export function codeTestCasesOf(reference: Reference): CodeTestCases | undefined {
  const testCases = (reference as Partial<CodeReference>).test_cases;
  return testCases !== null && typeof testCases === 'object' ? testCases : undefined;
}
