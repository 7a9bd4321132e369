"""HELM 0.5.16's _reindent_code on code texts written for code-reindent.test.ts.

    source /work/anchor/env.sh && python3 make-reindent-vectors.py > reindent-vectors.json
"""
import json
from helm.benchmark.scenarios.code_scenario import _reindent_code

CODES = [
    "", "\n", "x = 1", "x = 1\n", "a\n\n", "a\r\nb\r\n", "a\r\r\n", "a\rb\n",
    "def f():\n  if x:\n    return 1\n  return 2\n",
    "def f():\n    if x:\n        return 1\n      odd = 3\n",
    "\tx = 1\nfor i in y:\n\tif i:\n\t\tprint(i)\n",
    "   \nfoo\n  bar\n    baz\n   qux\n",
    "\t  mixed\n\t  \t  more\n",
    " \t\n  \n x\n  y\n",
    "if a:\n \tb\n  c\n",
    "s = '''\n    inside\n'''\n  tail",
    "def g():\n    return '𝑥'\n        𝑦 = 1\n",
]
print(json.dumps([[c, _reindent_code(c)] for c in CODES], ensure_ascii=False))
