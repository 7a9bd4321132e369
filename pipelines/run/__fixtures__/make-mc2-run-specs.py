"""HELM 0.5.16's run_spec.json text for the run entries of mc2-run-specs.test.ts (pubmed_qa, legal_support, bbq, blimp),
written to mc2-run-specs.helm.json beside this file; an entry HELM refuses gets its error instead.

    source /work/anchor/env.sh && python3 make-mc2-run-specs.py
"""
import json
import os

from helm.benchmark.run import run_entries_to_run_specs
from helm.benchmark.presentation.run_entry import RunEntry
from helm.common.general import asdict_without_nones
from helm.benchmark.config_registry import register_builtin_configs_from_helm_package

register_builtin_configs_from_helm_package()

ENTRIES = [
    "pubmed_qa:model=simple/model1",
    "legal_support:model=simple/model1",
    "legal_support:method=multiple_choice_separate_original,model=simple/model1",
    "bbq:subject=all,model=simple/model1",
    "bbq:subject=Age,method=multiple_choice_separate_calibrated,model=simple/model1",
    "blimp:phenomenon=binding,model=simple/model1",
    "blimp:phenomenon=ellipsis,method=multiple_choice_joint,model=simple/model1",
    "bbq:model=simple/model1",
    "blimp:phenomenon=binding,method=generation,model=simple/model1",
]
out = {"_about": "HELM 0.5.16's run_spec.json text (json.dumps(asdict_without_nones(run_spec), indent=2)) per run entry, "
       "from helm.benchmark.run.run_entries_to_run_specs with max_eval_instances=10 (/work/anchor, make-mc2-run-specs.py); "
       "an entry HELM refuses: its exception"}
for description in ENTRIES:
    try:
        specs = run_entries_to_run_specs([RunEntry(description=description, priority=1, groups=None)], max_eval_instances=10)
        out[description] = {"names": [s.name for s in specs], "text": [json.dumps(asdict_without_nones(s), indent=2) for s in specs]}
    except Exception as e:  # noqa: BLE001
        out[description] = {"error": f"{type(e).__name__}: {e}"}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "mc2-run-specs.helm.json"), "w") as f:
    json.dump(out, f, indent=1, ensure_ascii=False)
    f.write("\n")
