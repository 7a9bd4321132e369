"""HELM 0.5.16's own verdicts on programs written for code-sandbox.test.ts and the code metrics' tests.

    source /work/anchor/env.sh && python3 make-code-harness-vectors.py   # writes code-harness-vectors.json

APPS: each program is run as APPSMetric runs it (code_metrics_helper.run_test in a multiprocessing child, joined
for 11 s, killed after; no result means 21 failed tests), on the problem folders of apps-problems/ (written for
these tests); the scores are _convert_scores of the results. HumanEval: code_metrics_helper.check_correctness
(problem, completion, 3.0)["passed"]. No program here does anything the sandbox refuses: those are tested apart.
"""
import json, multiprocessing, os, sys
from helm.benchmark.metrics import code_metrics_helper
from helm.benchmark.metrics.code_metrics import _convert_scores, _run_test_wrapper

HERE = os.path.dirname(os.path.abspath(__file__))
PROBLEMS = os.path.join(HERE, "apps-problems")


def write_problem(name, io):
    os.makedirs(os.path.join(PROBLEMS, name), exist_ok=True)
    if io is not None:
        with open(os.path.join(PROBLEMS, name, "input_output.json"), "w") as f:
            json.dump(io, f)


write_problem("triple", {"inputs": ["1\n", "2\n", "5\n"], "outputs": ["3\n", "6\n", "15\n"]})
write_problem("words", {"inputs": ["x\n"], "outputs": ["b a\n"]})
write_problem("third", {"inputs": ["3\n"], "outputs": ["0.3333333\n"]})
write_problem("lines", {"inputs": [["1", "2"]], "outputs": [["3"]]})
write_problem("double", {"fn_name": "double", "inputs": [[[1, 2]], [[]]], "outputs": [[[2, 4]], [[]]]})
write_problem("keys", {"fn_name": "keys", "inputs": [[{"2": "b", "1": "a"}]], "outputs": [[1, 2]]})
write_problem("pair", {"fn_name": "pair", "inputs": [[1]], "outputs": [[[1, 2]]]})
write_problem("one", {"inputs": ["1\n"], "outputs": ["1\n"]})
write_problem("empty", {"inputs": [], "outputs": []})
write_problem("int-output", {"inputs": ["1\n"], "outputs": [5]})
write_problem("no-tests", None)

APPS = [
    ("triple", "n = int(input())\nprint(3 * n)", 3),
    ("triple", "print(0)", 3),
    ("triple", "print((", 3),
    ("triple", "raise ValueError('no')", 3),
    ("triple", "n = int(input())\nprint(3 if n == 1 else 0)", 3),
    ("triple", "n = int(input())\nprint(3 * n, '  ')", 3),
    ("triple", "n = int(input())\nprint(float(3 * n))", 3),
    ("triple", "import sys\nprint(3 * int(sys.stdin.read()))", 3),
    ("triple", "print(3 * int(stdin.readline()))", 3),
    ("triple", "import sys\nprint(3 * int(input()))\nsys.exit(0)", 3),
    ("triple", "import os\nfrom math import pi", 3),
    ("triple", "import sys\nprint(3 * int(input()))\nsys.stdout.close()", 3),
    ("triple", "print(3 * int(input()))\nprint()\nprint()", 3),
    ("triple", "print(3 * int(open(0).read()))", 3),
    ("triple", "n = int(input())\nprint(3 * n)", 2.5),
    ("triple", "n = int(input())\nprint(3 * n)", "3"),
    ("words", "print('a b')", 3),
    ("words", "print('a')\nprint('b')", 3),
    ("third", "print(1 / int(input()))", 3),
    ("lines", "a = int(input())\nb = int(input())\nprint(a + b)", 3),
    ("double", "class Solution:\n    def double(self, xs):\n        return [2 * x for x in xs]", 3),
    ("double", "def double(xs):\n    return tuple(2 * x for x in xs)", 3),
    ("double", "def double(xs):\n    return np.array(xs) * 2", 3),
    ("double", "def triple(xs):\n    return xs", 3),
    ("double", "def double(xs)\n    return xs", 3),
    ("double", "def double(xs):\n    pass", 3),
    ("keys", "def keys(d):\n    return sorted(d)", 3),
    ("pair", "def pair(x):\n    return (x, x + 1)", 3),
    ("pair", "def pair(x):\n    return [(x, x + 1)]", 3),
    ("one", "while True:\n    pass", 3),
    ("empty", "print(1)", 3),
    ("int-output", "print(5)", 3),
    ("no-tests", "print(1)", 3),
]


def helm_apps(root, code, timeout):
    shared = multiprocessing.Manager().list()
    p = multiprocessing.Process(target=_run_test_wrapper, args=(root, code, timeout, shared))
    p.start()
    p.join(timeout=11)
    if p.is_alive():
        p.kill()
        p.join(timeout=60)
    results = shared[0] if len(shared) > 0 else [-1] * 21
    return _convert_scores(results)


ADD = {"task_id": "t/add", "prompt": "def add(a, b):\n    \"\"\"The sum.\"\"\"\n", "canonical_solution": "    return a + b\n",
       "test": "\n\ndef check(candidate):\n    assert candidate(1, 2) == 3\n    assert candidate(-1, 1) == 0\n", "entry_point": "add"}
HUMAN_EVAL = [
    "return a + b",
    "return a - b",
    "return (a +",
    "while True:\n        pass",
    "import os\n    os.getcwd()\n    return a + b",
    "exit()",
    "import sys\n    sys.exit(0)",
    "print('noise')\n    return a + b",
    "input()\n    return a + b",
    "import numpy\n    return int(numpy.add(a, b))",
    "return sum([a, b])\n\n\ndef unused():\n    pass",
]

if __name__ == "__main__":
    out = {"source": "HELM 0.5.16 code_metrics_helper on the programs of make-code-harness-vectors.py (/work/anchor)"}
    out["apps"] = [{"problem": name, "code": code, "timeout": timeout, "timeout_is_float": isinstance(timeout, float),
                    "scores": helm_apps(os.path.join(PROBLEMS, name), code, timeout)} for name, code, timeout in APPS]
    out["humaneval_problem"] = ADD
    out["humaneval"] = [{"completion": c, "passed": code_metrics_helper.check_correctness(ADD, c, 3.0)["passed"]} for c in HUMAN_EVAL]
    with open(os.path.join(HERE, "code-harness-vectors.json"), "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")
