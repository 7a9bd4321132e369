"""Runs HELM 0.5.16 (the anchor: `source /work/anchor/env.sh`) on this fixture and keeps the instances it read.

    python3 make-helm-instances.py   # from this folder; writes helm-instances.json

`data/tasks_1-20_v1-2/en-valid/` holds stories written for these tests (not the real bAbI files) in bAbI's
format, for tasks 1 and 19: qa1_valid.txt has \\r\\n line ends, qa1_test.txt no final newline, qa19_test.txt a
fact with two spaces.
"""
import glob
import json
import os
import shutil
import subprocess
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
result = {"source": "HELM 0.5.16 helm-run --run-entries babi_qa:task=<t>,model=simple/model1 -m 100 --cache-instances on data/"}
for task in ["1", "19"]:
    with tempfile.TemporaryDirectory() as work:
        out = os.path.join(work, "benchmark_output")
        shutil.copytree(os.path.join(HERE, "data"), os.path.join(out, "scenarios", "babi_qa", "data"))
        subprocess.run(
            ["helm-run", "--run-entries", f"babi_qa:task={task},model=simple/model1", "--suite", "s", "-o", out,
             "--local-path", os.path.join(work, "prod_env"), "-m", "100", "--cache-instances", "--cache-instances-only"],
            check=True, cwd=work, capture_output=True,
        )
        [input_instances] = glob.glob(os.path.join(out, "scenario_instances", "*", "input_instances.json"))
        with open(input_instances) as f:
            result[f"task={task}"] = json.load(f)

with open(os.path.join(HERE, "helm-instances.json"), "w") as f:
    json.dump(result, f, indent=1, ensure_ascii=False)
    f.write("\n")
