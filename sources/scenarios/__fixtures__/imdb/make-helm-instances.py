"""Runs HELM 0.5.16 (the anchor: `source /work/anchor/env.sh`) on this fixture and keeps the instances it read.

    python3 make-helm-instances.py   # from this folder; writes helm-instances.json

`data/` is written for these tests (not real IMDb reviews) in the aclImdb layout, with contrast-set TSVs in
allenai/contrast-sets' format and a pinned file order that leaves one file out.
"""
import glob
import json
import os
import shutil
import subprocess
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ENTRIES = {"all": "imdb:model=simple/model1", "only_contrast": "imdb:only_contrast=True,model=simple/model1"}

result = {"source": "HELM 0.5.16 helm-run --run-entries <entry> -m 100 --cache-instances on data/ (make-helm-instances.py)"}
for key, entry in ENTRIES.items():
    with tempfile.TemporaryDirectory() as work:
        out = os.path.join(work, "benchmark_output")
        shutil.copytree(os.path.join(HERE, "data"), os.path.join(out, "scenarios", "imdb", "data"))
        subprocess.run(
            ["helm-run", "--run-entries", entry, "--suite", "s", "-o", out, "--local-path", os.path.join(work, "prod_env"),
             "-m", "100", "--cache-instances", "--cache-instances-only"],
            check=True, cwd=work, capture_output=True,
        )
        [input_instances] = glob.glob(os.path.join(out, "scenario_instances", "*", "input_instances.json"))
        with open(input_instances) as f:
            result[key] = json.load(f)

with open(os.path.join(HERE, "helm-instances.json"), "w") as f:
    json.dump(result, f, indent=1, ensure_ascii=False)
    f.write("\n")
