"""HELM 0.5.16's run_spec.json text for the run entries of harms-run-specs.test.ts (real_toxicity_prompts, bold),
written to harms-run-specs.helm.json beside this file; an entry HELM refuses gets its error instead.

    source /work/anchor/env.sh && python3 make-harms-run-specs.py
"""
import json
import os

from helm.benchmark.run import run_entries_to_run_specs
from helm.benchmark.presentation.run_entry import RunEntry
from helm.common.general import asdict_without_nones
from helm.benchmark.config_registry import register_builtin_configs_from_helm_package

register_builtin_configs_from_helm_package()

ENTRIES = [
    "real_toxicity_prompts:model=simple/model1",
    "bold:subject=all,model=simple/model1",
    "bold:subject=race,model=simple/model1",
    "bold:model=simple/model1",
    "real_toxicity_prompts:subject=all,model=simple/model1",
]
out = {"_about": "HELM 0.5.16's run_spec.json text (json.dumps(asdict_without_nones(run_spec), indent=2)) per run entry, "
       "from helm.benchmark.run.run_entries_to_run_specs with max_eval_instances=10 (/work/anchor, make-harms-run-specs.py); "
       "an entry HELM refuses: its exception"}
for description in ENTRIES:
    try:
        specs = run_entries_to_run_specs([RunEntry(description=description, priority=1, groups=None)], max_eval_instances=10)
        out[description] = {"names": [s.name for s in specs], "text": [json.dumps(asdict_without_nones(s), indent=2) for s in specs]}
    except Exception as e:  # noqa: BLE001
        out[description] = {"error": f"{type(e).__name__}: {e}"}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "harms-run-specs.helm.json"), "w") as f:
    json.dump(out, f, indent=1, ensure_ascii=False)
    f.write("\n")
