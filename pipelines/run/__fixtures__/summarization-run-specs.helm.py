"""HELM 0.5.16's run specs for the summarization run entries: names and run_spec.json text, or the error.

    source /work/anchor/env.sh && python3 summarization-run-specs.helm.py summarization-run-specs.helm.json
"""
import json, sys
from helm.benchmark.run import run_entries_to_run_specs
from helm.benchmark.presentation.run_entry import RunEntry
from helm.common.general import asdict_without_nones
from helm.benchmark.config_registry import register_builtin_configs_from_helm_package

register_builtin_configs_from_helm_package()

ENTRIES = [
    "summarization_xsum:model=simple/model1",
    "summarization_xsum:temperature=0.3,device=cpu,model=simple/model1",
    "summarization_xsum:temperature=0.7,model=simple/model1",
    "summarization_xsum_sampled:model=simple/model1",
    "summarization_cnndm:device=cuda,model=simple/model1",
    "summarization_cnndm:temperature=0,model=simple/model1",
    "summarization_cnndm:dataset=x,model=simple/model1",
]
out = {"_about": "HELM 0.5.16's run specs (names; json.dumps(asdict_without_nones(run_spec), indent=2)) or error for each run entry, from helm.benchmark.run.run_entries_to_run_specs with max_eval_instances=10 (/work/anchor)."}
for entry in ENTRIES:
    try:
        specs = run_entries_to_run_specs([RunEntry(description=entry, priority=1, groups=None)], max_eval_instances=10)
        out[entry] = {"names": [s.name for s in specs], "text": [json.dumps(asdict_without_nones(s), indent=2) for s in specs]}
    except Exception as e:
        out[entry] = {"error": f"{type(e).__name__}: {e}"}
with open(sys.argv[1], "w") as f:
    json.dump(out, f, indent=1, ensure_ascii=False)
    f.write("\n")
