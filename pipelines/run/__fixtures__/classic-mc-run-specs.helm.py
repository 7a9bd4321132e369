"""HELM 0.5.16's run_spec.json text for the run entries of commonsense, truthful_qa, lsat_qa, interactive_qa_mmlu.

    source /work/anchor/env.sh && python3 classic-mc-run-specs.helm.py classic-mc-run-specs.helm.json
"""
import json, sys
from helm.benchmark.run import run_entries_to_run_specs
from helm.benchmark.presentation.run_entry import RunEntry
from helm.common.general import asdict_without_nones
from helm.benchmark.config_registry import register_builtin_configs_from_helm_package

register_builtin_configs_from_helm_package()

ENTRIES = [
    "commonsense:dataset=hellaswag,method=multiple_choice_joint,model=simple/model1",
    "commonsense:dataset=openbookqa,method=multiple_choice_joint_chain_of_thought,model=simple/model1",
    "commonsense:dataset=commonsenseqa,method=multiple_choice_joint,model=simple/model1",
    "commonsense:dataset=siqa,method=multiple_choice_separate_original,model=simple/model1",
    "commonsense:dataset=piqa,method=multiple_choice_separate_calibrated,model=simple/model1",
    "truthful_qa:task=mc_single,model=simple/model1",
    "truthful_qa:task=mc_single,method=multiple_choice_separate_original,model=simple/model1",
    "lsat_qa:task=all,model=simple/model1",
    "lsat_qa:task=grouping,method=multiple_choice_separate_calibrated,model=simple/model1",
    "interactive_qa_mmlu:subject=us_foreign_policy,model=simple/model1",
    "interactive_qa_mmlu:subject=college_chemistry,model=simple/model1,data_augmentation=robustness",
]
out = {"_about": "HELM 0.5.16's run_spec.json text (json.dumps(asdict_without_nones(run_spec), indent=2)) for each run entry, from helm.benchmark.run.run_entries_to_run_specs with max_eval_instances=10 (/work/anchor)."}
for entry in ENTRIES:
    specs = run_entries_to_run_specs([RunEntry(description=entry, priority=1, groups=None)], max_eval_instances=10)
    assert len(specs) == 1, entry
    out[entry] = json.dumps(asdict_without_nones(specs[0]), indent=2)
with open(sys.argv[1], "w") as f:
    json.dump(out, f, indent=1, ensure_ascii=False)
    f.write("\n")
