"""Runs HELM 0.5.16's CodeScenario (the anchor: `source /work/anchor/env.sh`) on this fixture and keeps what it read.

    python3 make-helm-instances.py   # writes helm-instances.json beside this file

Written for these tests, not the datasets: `HumanEval.jsonl` (HELM's name for the gunzipped HumanEval.jsonl.gz;
six problems, one task_id repeated, a blank line) and `APPS/` in the layout of APPS.tar.gz (train/ and test/
problem folders with question.txt, solutions.json, input_output.json, starter_code.py; CRLF and tab-indented
solutions; folders HELM skips) with a pinned file order for the test split only (train falls back to sorted
listdir). Each instance is kept as HELM serializes it, plus its references' test_cases (HELM keeps them on
CodeReference objects and never writes them; `root` made relative to the folder).
"""
import json, os, shutil, sys, tempfile
from helm.benchmark.scenarios.code_scenario import CodeScenario
from helm.common.general import asdict_without_nones

HERE = os.path.dirname(os.path.abspath(__file__))
result = {"source": "HELM 0.5.16 CodeScenario(dataset).get_instances on a copy of this folder"}
for dataset in ("humaneval", "apps"):
    with tempfile.TemporaryDirectory() as work:
        shutil.copytree(HERE, os.path.join(work, "code"), ignore=shutil.ignore_patterns("make-helm-instances.py", "helm-instances.json"))
        instances = CodeScenario(dataset).get_instances(os.path.join(work, "code"))
        def relative(test_cases):
            test_cases = dict(test_cases)
            if "root" in test_cases:
                test_cases["root"] = os.path.relpath(test_cases["root"], os.path.join(work, "code"))
            return test_cases
        result[dataset] = [
            {**asdict_without_nones(i), "test_cases": [relative(r.test_cases) for r in i.references]} for i in instances
        ]
with open(os.path.join(HERE, "helm-instances.json"), "w", encoding="utf-8") as f:
    json.dump(result, f, indent=1, ensure_ascii=False)
    f.write("\n")
