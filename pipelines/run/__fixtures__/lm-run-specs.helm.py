"""HELM 0.5.16's run_spec.json text for the language-modeling run entries twitter_aae, wikitext_103 and ice (**kwargs: args in description order, name sorted).

    source /work/anchor/env.sh && python3 lm-run-specs.helm.py lm-run-specs.helm.json
"""
import json, sys
from helm.benchmark.run import run_entries_to_run_specs
from helm.benchmark.presentation.run_entry import RunEntry
from helm.common.general import asdict_without_nones
from helm.benchmark.config_registry import register_builtin_configs_from_helm_package

register_builtin_configs_from_helm_package()

ENTRIES = [
    "twitter_aae:demographic=aa,model=simple/model1",
    "twitter_aae:demographic=white,model=simple/model1",
    "wikitext_103:model=simple/model1",
    "ice:model=simple/model1",
    "ice:subset=can,model=simple/model1",
    "ice:model=simple/model1,subset=ind,category=S1",
    "ice:category=W,subset=hk,model=simple/model1",
    "ice:gender=female,model=simple/model1",
    "ice:subset=usa,gender=male,model=simple/model1",
]
out = {"_about": "HELM 0.5.16's run_spec.json text (json.dumps(asdict_without_nones(run_spec), indent=2)) for each run entry, from helm.benchmark.run.run_entries_to_run_specs with max_eval_instances=10 (/work/anchor)."}
for entry in ENTRIES:
    specs = run_entries_to_run_specs([RunEntry(description=entry, priority=1, groups=None)], max_eval_instances=10)
    assert len(specs) == 1, entry
    out[entry] = json.dumps(asdict_without_nones(specs[0]), indent=2)
with open(sys.argv[1], "w") as f:
    json.dump(out, f, indent=1, ensure_ascii=False)
    f.write("\n")
