// Expected values: ast.literal_eval of the same source in CPython 3.11.
import { describe, expect, it } from 'vitest';
import { pythonAssignedLiteral } from './python-literal.ts';

const SOURCE = String.raw`import csv

TASKS = {
    "a": {"cols": ["Sentence", "ID"],  # comment, with "quotes"
          "labels": {"Label": ['x', "doesn't", "tab\there", "\u00e9t\xe9", r"raw\n", "con" 'cat', """tri"ple"""]}},
    'b': (1, -2.5, 3e2, 1_000, True, False, None, (7,), (8), ()),
}

_URLs = {s: 1 for s in TASKS}
`;

describe('pythonAssignedLiteral', () => {
  it('reads the literal of an assignment as ast.literal_eval does (comments, escapes, raw and adjacent strings, tuples)', () => {
    const tasks = pythonAssignedLiteral(SOURCE, 'TASKS', 'raft.py') as ReadonlyMap<string, ReadonlyMap<string, unknown>>;
    expect([...tasks.keys()]).toEqual(['a', 'b']);
    expect(tasks.get('a')!.get('cols')).toEqual(['Sentence', 'ID']);
    expect((tasks.get('a')!.get('labels') as ReadonlyMap<string, unknown>).get('Label')).toEqual(['x', "doesn't", 'tab\there', 'été', 'raw\\n', 'concat', 'tri"ple']);
    expect(tasks.get('b')).toEqual([1, -2.5, 300, 1000, true, false, null, [7], 8, []]);
  });

  it('names a missing assignment and a value that is not a literal, with the line', () => {
    expect(() => pythonAssignedLiteral(SOURCE, 'LABELS', 'raft.py')).toThrow("raft.py: no assignment 'LABELS = ...' at the start of a line.");
    expect(() => pythonAssignedLiteral(SOURCE, '_URLs', 'raft.py')).toThrow('raft.py:9: expected a Python literal, found "s: 1 for s in TASKS}".');
    expect(() => pythonAssignedLiteral('X = {"a": "open\n}', 'X', 'f.py')).toThrow('f.py:1: unterminated string literal.');
  });
});
