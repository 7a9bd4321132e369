"""HELM 0.5.16's run_spec.json text for the run entries of rank-run-specs.test.ts (copyright, disinformation, msmarco),
written to rank-run-specs.helm.json beside this file; an entry HELM refuses gets its error instead.

    source /work/anchor/env.sh && python3 make-rank-run-specs.py
"""
import json
import os

from helm.benchmark.run import run_entries_to_run_specs
from helm.benchmark.presentation.run_entry import RunEntry
from helm.common.general import asdict_without_nones
from helm.benchmark.config_registry import register_builtin_configs_from_helm_package

register_builtin_configs_from_helm_package()

ENTRIES = [
    "copyright:datatag=pilot,model=simple/model1",
    "copyright:model=simple/model1",
    "copyright:datatag=prompt_num_line_1-min_lines_20.json,model=simple/model1",
    "copyright:datatag=n_books_1000-extractions_per_book_1-prefix_length_5,normalize_by_prefix_length=False,normalize_newline_space_tab=1,model=simple/model1",
    "copyright:datatag=pilot,temperature=0.5,num_outputs=3,model=simple/model1",
    "copyright:datatag=pilot,max_tokens=20,num_outputs=3,model=simple/model1",
    "disinformation:capability=reiteration,model=simple/model1",
    "disinformation:capability=reiteration,topic=climate,model=simple/model1",
    "disinformation:capability=wedging,model=simple/model1",
    "disinformation:model=simple/model1",
    "disinformation:capability=other,model=simple/model1",
    "msmarco:track=regular,model=simple/model1",
    "msmarco:track=regular,valid_topk=30,model=simple/model1",
    "msmarco:track=trec,valid_topk=100,model=simple/model1",
    "msmarco:track=trec,model=simple/model1",
    "msmarco:track=other,model=simple/model1",
    "msmarco:track=regular,valid_topk=abc,model=simple/model1",
    "msmarco:model=simple/model1",
]
out = {"_about": "HELM 0.5.16's run_spec.json text (json.dumps(asdict_without_nones(run_spec), indent=2)) per run entry, "
       "from helm.benchmark.run.run_entries_to_run_specs with max_eval_instances=10 (/work/anchor, make-rank-run-specs.py); "
       "an entry HELM refuses: its exception"}
for description in ENTRIES:
    try:
        specs = run_entries_to_run_specs([RunEntry(description=description, priority=1, groups=None)], max_eval_instances=10)
        out[description] = {"names": [s.name for s in specs], "text": [json.dumps(asdict_without_nones(s), indent=2) for s in specs]}
    except Exception as e:  # noqa: BLE001
        out[description] = {"error": f"{type(e).__name__}: {e}"}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "rank-run-specs.helm.json"), "w") as f:
    json.dump(out, f, indent=1, ensure_ascii=False)
    f.write("\n")
