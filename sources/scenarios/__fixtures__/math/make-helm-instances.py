"""Runs HELM 0.5.16's MATHScenario (the anchor: `source /work/anchor/env.sh`) on this fixture and keeps what it read.

    python3 make-helm-instances.py   # from anywhere; writes helm-instances.json beside this file

The fixture is written for these tests, not MATH's data: JSON files in the layout of the dataset's archive
(`MATH/<split>/<type folder>/<n>.json`, one {"problem", "level", "type", "solution"} each) under HELM's cache
folder of the Hugging Face dataset. The anchor has no Hugging Face `datasets` (its stub raises), so
`datasets-double/` stands in for load_dataset, sort and shuffle (see its docstring); everything else is HELM's.
"""
import dataclasses, json, os, shutil, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "datasets-double"))
from helm.benchmark.scenarios.math_scenario import MATHScenario  # noqa: E402
from helm.common.general import asdict_without_nones  # noqa: E402

CASES = {
    "algebra-1": dict(subject="algebra", level="1"),
    "algebra-1-official": dict(subject="algebra", level="1", use_official_examples=True),
    "algebra-1-cot": dict(subject="algebra", level="1", use_chain_of_thought=True),
    "geometry-1": dict(subject="geometry", level="1"),
    "geometry-2": dict(subject="geometry", level="2"),
    "algebra-4-cot": dict(subject="algebra", level="4", use_chain_of_thought=True),
    "algebra-4": dict(subject="algebra", level="4"),  # a solution without \\boxed{}: HELM fails
}
result = {"source": "HELM 0.5.16 MATHScenario(**args).get_instances on a copy of this folder, datasets-double/ for datasets"}
for name, args in CASES.items():
    with tempfile.TemporaryDirectory() as work:
        shutil.copytree(os.path.join(HERE, "data"), os.path.join(work, "data"))
        scenario = MATHScenario(**args)
        try:
            instances = scenario.get_instances(work)
        except Exception as e:
            result[name] = {"args": args, "error": f"{type(e).__name__}: {e}"}
            continue
    result[name] = {"args": args, "instances": [asdict_without_nones(i) for i in instances]}
with open(os.path.join(HERE, "helm-instances.json"), "w", encoding="utf-8") as f:
    json.dump(result, f, indent=1, ensure_ascii=False)
    f.write("\n")
