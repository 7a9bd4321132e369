"""HELM 0.5.16's run_spec.json text for run entries of imdb, babi_qa, civil_comments and raft.

    source /work/anchor/env.sh && python3 cls1-run-specs.helm.py cls1-run-specs.helm.json

raft's run spec reads its instructions from benchmark_output/scenarios/raft/prompt_construction_settings.json
(relative to the working directory, HELM's default -o): the script runs in a temporary directory holding
sources/scenarios/__fixtures__/raft/prompt_construction_settings.json there.
"""
import json, os, shutil, sys, tempfile
from helm.benchmark.run import run_entries_to_run_specs
from helm.benchmark.presentation.run_entry import RunEntry
from helm.common.general import asdict_without_nones
from helm.benchmark.config_registry import register_builtin_configs_from_helm_package

register_builtin_configs_from_helm_package()
HERE = os.path.dirname(os.path.abspath(__file__))
SETTINGS = os.path.join(HERE, "..", "..", "..", "sources", "scenarios", "__fixtures__", "raft", "prompt_construction_settings.json")

ENTRIES = [
    "imdb:model=simple/model1",
    "imdb:only_contrast=True,model=simple/model1",
    "imdb:only_contrast=False,model=simple/model1",
    "imdb:only_contrast=True,model=simple/model1,data_augmentation=contrast_sets",
    "babi_qa:model=simple/model1",
    "babi_qa:task=19,model=simple/model1",
    "babi_qa:task=all,model=simple/model1",
    "civil_comments:demographic=all,model=simple/model1",
    "civil_comments:demographic=LGBTQ,model=simple/model1",
    "civil_comments:demographic=other_religions,model=simple/model1,data_augmentation=robustness",
    "raft:subset=ade_corpus_v2,model=simple/model1",
    "raft:subset=tai_safety_research,model=simple/model1",
]
out = {"_about": "HELM 0.5.16's run_spec.json text (json.dumps(asdict_without_nones(run_spec), indent=2)) for each run entry, from helm.benchmark.run.run_entries_to_run_specs with max_eval_instances=10 (/work/anchor), raft's instructions from our fixture's settings."}
output = sys.argv[1]
with tempfile.TemporaryDirectory() as work:
    os.makedirs(os.path.join(work, "benchmark_output", "scenarios", "raft"))
    shutil.copy(SETTINGS, os.path.join(work, "benchmark_output", "scenarios", "raft"))
    os.chdir(work)
    for entry in ENTRIES:
        specs = run_entries_to_run_specs([RunEntry(description=entry, priority=1, groups=None)], max_eval_instances=10)
        assert len(specs) == 1, entry
        out[entry] = json.dumps(asdict_without_nones(specs[0]), indent=2)
with open(os.path.join(HERE, output), "w") as f:
    json.dump(out, f, indent=1, ensure_ascii=False)
    f.write("\n")
