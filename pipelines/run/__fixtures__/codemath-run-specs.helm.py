"""HELM 0.5.16's run_spec.json text for the math and code run entries.

    source /work/anchor/env.sh && python3 codemath-run-specs.helm.py codemath-run-specs.helm.json
"""
import json, sys
from helm.benchmark.run import run_entries_to_run_specs
from helm.benchmark.presentation.run_entry import RunEntry
from helm.common.general import asdict_without_nones
from helm.benchmark.config_registry import register_builtin_configs_from_helm_package

register_builtin_configs_from_helm_package()

ENTRIES = [
    "math:subject=algebra,level=1,model=simple/model1",
    "math:subject=number_theory,level=5,use_official_examples=True,model=simple/model1",
    "math:subject=geometry,level=2,use_chain_of_thought=TRUE,use_official_examples=false,model=simple/model1",
    "math:subject=precalculus,level=2.0,use_official_examples=yes,model=simple/model1",
    "code:dataset=humaneval,model=simple/model1",
    "code:dataset=apps,model=simple/model1",
    "code:dataset=apps,timeout=10,model=simple/model1",
    "code:dataset=apps,timeout=2.5,model=simple/model1",
    "code:dataset=mbpp,model=simple/model1",
]
out = {"_about": "HELM 0.5.16's run_spec.json text (json.dumps(asdict_without_nones(run_spec), indent=2)) for each run entry, from helm.benchmark.run.run_entries_to_run_specs with max_eval_instances=10 (/work/anchor)."}
for entry in ENTRIES:
    specs = run_entries_to_run_specs([RunEntry(description=entry, priority=1, groups=None)], max_eval_instances=10)
    assert len(specs) == 1, entry
    out[entry] = json.dumps(asdict_without_nones(specs[0]), indent=2)
with open(sys.argv[1], "w") as f:
    json.dump(out, f, indent=1, ensure_ascii=False)
    f.write("\n")
