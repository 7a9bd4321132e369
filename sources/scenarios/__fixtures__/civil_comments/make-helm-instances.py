"""Runs HELM 0.5.16 (the anchor: `source /work/anchor/env.sh`) on this fixture and keeps the instances it read.

    python3 make-helm-instances.py   # from this folder; writes helm-instances.json

`wilds_civil_comments.csv` holds comments written for these tests (not real CivilComments data) in the layout of
WILDS' all_data_with_identities.csv (an unnamed index column first, a subset of its columns): a quoted comment
with a newline, one with \\r\\n, the texts "NA" and "None", an empty comment, missing demographic scores and a
missing toxicity, scores at 0.5 and just under.
"""
import glob
import json
import os
import shutil
import subprocess
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
result = {"source": "HELM 0.5.16 (pandas 1.5.3) helm-run --run-entries civil_comments:demographic=<d>,model=simple/model1 -m 100 --cache-instances"}
for demographic in ["all", "black"]:
    with tempfile.TemporaryDirectory() as work:
        out = os.path.join(work, "benchmark_output")
        os.makedirs(os.path.join(out, "scenarios", "civil_comments"))
        shutil.copy(os.path.join(HERE, "wilds_civil_comments.csv"), os.path.join(out, "scenarios", "civil_comments"))
        subprocess.run(
            ["helm-run", "--run-entries", f"civil_comments:demographic={demographic},model=simple/model1", "--suite", "s",
             "-o", out, "--local-path", os.path.join(work, "prod_env"), "-m", "100", "--cache-instances", "--cache-instances-only"],
            check=True, cwd=work, capture_output=True,
        )
        [input_instances] = glob.glob(os.path.join(out, "scenario_instances", "*", "input_instances.json"))
        with open(input_instances) as f:
            result[demographic] = json.load(f)

with open(os.path.join(HERE, "helm-instances.json"), "w") as f:
    json.dump(result, f, indent=1, ensure_ascii=False)
    f.write("\n")
