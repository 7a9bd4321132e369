"""Runs HELM 0.5.16 (the anchor: `source /work/anchor/env.sh`) on this fixture and keeps the instances it wrote.

    python3 make-helm-instances.py   # from this folder; writes helm-instances.json

`data/` is a subset of allenai/contrast-sets BoolQ/boolq_perturbed.json (its template entry and 7 real entries, in
file order); `train` and `dev` are BoolQ-format lines built from those entries' paragraphs and questions, plus
one dev question that has no contrast set.
"""
import glob
import json
import os
import shutil
import subprocess
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ENTRY = "boolq:only_contrast=True,data_augmentation=contrast_sets,model=simple/model1"

with tempfile.TemporaryDirectory() as work:
    out = os.path.join(work, "benchmark_output")
    shutil.copytree(os.path.join(HERE, "data"), os.path.join(out, "scenarios", "boolq", "data"))
    subprocess.run(
        ["helm-run", "--run-entries", ENTRY, "--suite", "s", "-o", out, "--local-path", os.path.join(work, "prod_env"),
         "-m", "10", "--cache-instances"],
        check=True, cwd=work, capture_output=True,
    )
    [input_instances] = glob.glob(os.path.join(out, "scenario_instances", "*", "input_instances.json"))
    [state] = glob.glob(os.path.join(out, "runs", "s", "*", "scenario_state.json"))
    with open(input_instances) as f:
        raw = json.load(f)
    with open(state) as f:
        instances = [rs["instance"] for rs in json.load(f)["request_states"]]

with open(os.path.join(HERE, "helm-instances.json"), "w") as f:
    json.dump({
        "source": f"HELM 0.5.16 helm-run --run-entries {ENTRY} -m 10 --cache-instances on data/ (make-helm-instances.py)",
        "input_instances": raw,
        "scenario_state_instances": instances,
    }, f, indent=1, ensure_ascii=False)
    f.write("\n")
