"""Runs HELM 0.5.16 (the anchor: `source /work/anchor/env.sh`) on this fixture and keeps the instances it read.

    python3 make-helm-instances.py   # from this folder; writes helm-instances.json

Written for these tests, not RAFT's data: `prompt_construction_settings.json` (twice, as HELM reads it: the run
spec from the scenario folder, the scenario from data/), a stand-in `raft.py` holding only a TASKS table in the
loading script's format, and 50-row `train.csv` files for three subsets. The anchor has no Hugging Face `datasets`
(its stub raises), so `datasets-double/` stands in for it: load_dataset and train_test_split as datasets 3.x does
them for this script (see its docstring). What HELM itself does here is everything else: RAFTScenario's reading
of the settings, its splits and prompts.
"""
import glob
import json
import os
import shutil
import subprocess
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
env = dict(os.environ, PYTHONPATH=os.path.join(HERE, "datasets-double") + os.pathsep + os.environ.get("PYTHONPATH", ""))
result = {"source": "HELM 0.5.16 helm-run --run-entries raft:subset=<s>,model=simple/model1 -m 100 --cache-instances, datasets-double/ for datasets"}
for subset in ["ade_corpus_v2", "tai_safety_research", "semiconductor_org_types"]:
    with tempfile.TemporaryDirectory() as work:
        out = os.path.join(work, "benchmark_output")
        shutil.copytree(os.path.join(HERE, "data"), os.path.join(out, "scenarios", "raft", "data"))
        shutil.copy(os.path.join(HERE, "prompt_construction_settings.json"), os.path.join(out, "scenarios", "raft"))
        subprocess.run(
            ["helm-run", "--run-entries", f"raft:subset={subset},model=simple/model1", "--suite", "s", "-o", out,
             "--local-path", os.path.join(work, "prod_env"), "-m", "100", "--cache-instances", "--cache-instances-only"],
            check=True, cwd=work, capture_output=True, env=env,
        )
        [input_instances] = glob.glob(os.path.join(out, "scenario_instances", "*", "input_instances.json"))
        with open(input_instances) as f:
            result[subset] = json.load(f)

with open(os.path.join(HERE, "helm-instances.json"), "w") as f:
    json.dump(result, f, indent=1, ensure_ascii=False)
    f.write("\n")
