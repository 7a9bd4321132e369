"""HELM 0.5.16's run_spec.json text for the run entries of open-qa-run-specs.test.ts (natural_qa, narrative_qa, quac, news_qa),
written to open-qa-run-specs.helm.json beside this file; an entry HELM refuses gets its error instead.

    source /work/anchor/env.sh && python3 make-open-qa-run-specs.py
"""
import json
import os

from helm.benchmark.run import run_entries_to_run_specs
from helm.benchmark.presentation.run_entry import RunEntry
from helm.common.general import asdict_without_nones
from helm.benchmark.config_registry import register_builtin_configs_from_helm_package

register_builtin_configs_from_helm_package()

ENTRIES = [
    "natural_qa:mode=closedbook,model=simple/model1",
    "natural_qa:mode=openbook_longans,model=simple/model1",
    "natural_qa:mode=openbook_wiki,model=simple/model1",
    "natural_qa:mode=open,model=simple/model1",
    "natural_qa:model=simple/model1",
    "narrative_qa:model=simple/model1",
    "quac:model=simple/model1",
    "news_qa:model=simple/model1",
]
out = {"_about": "HELM 0.5.16's run_spec.json text (json.dumps(asdict_without_nones(run_spec), indent=2)) per run entry, "
       "from helm.benchmark.run.run_entries_to_run_specs with max_eval_instances=10 (/work/anchor, make-open-qa-run-specs.py); "
       "an entry HELM refuses: its exception"}
for description in ENTRIES:
    try:
        specs = run_entries_to_run_specs([RunEntry(description=description, priority=1, groups=None)], max_eval_instances=10)
        out[description] = {"names": [s.name for s in specs], "text": [json.dumps(asdict_without_nones(s), indent=2) for s in specs]}
    except Exception as e:  # noqa: BLE001
        out[description] = {"error": f"{type(e).__name__}: {e}"}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "open-qa-run-specs.helm.json"), "w") as f:
    json.dump(out, f, indent=1, ensure_ascii=False)
    f.write("\n")
