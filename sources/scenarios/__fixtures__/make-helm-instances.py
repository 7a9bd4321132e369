"""Reads a fixture with HELM 0.5.16's own scenario class and keeps what it gives, for the sources' tests.

    source /work/anchor/env.sh   # HELM 0.5.16 (../shared/tools/helm-anchor)
    python3 make-helm-instances.py FIXTURE_DIR helm.benchmark.scenarios.MODULE.CLASS [ARG=VALUE ...] [--out NAME]

FIXTURE_DIR is laid out as HELM's cache of that scenario (`<output>/scenarios/<name>/`); it is copied to a
temporary folder, read with `CLASS(**args).get_instances(copy)`, and FIXTURE_DIR/NAME (default
helm-instances.json) gets {"source", "scenario_json", "instances"}: scenario.json's fields and every instance as
HELM serializes it (`asdict_without_nones`; ids are not set by the scenarios, the runner assigns them later).
"""
import argparse
import dataclasses
import importlib
import json
import os
import shutil
import tempfile

from helm.common.general import asdict_without_nones

parser = argparse.ArgumentParser()
parser.add_argument("fixture")
parser.add_argument("class_name")
parser.add_argument("args", nargs="*")
parser.add_argument("--out", default="helm-instances.json")
options = parser.parse_args()

module_name, class_name = options.class_name.rsplit(".", 1)
cls = getattr(importlib.import_module(module_name), class_name)
kwargs = dict(arg.split("=", 1) for arg in options.args)
scenario = cls(**kwargs)
with tempfile.TemporaryDirectory() as work:
    copy = os.path.join(work, "cache")
    shutil.copytree(options.fixture, copy, ignore=shutil.ignore_patterns("helm-instances*.json"))
    instances = scenario.get_instances(copy)

scenario_json = asdict_without_nones(scenario)
with open(os.path.join(options.fixture, options.out), "w", encoding="utf-8") as f:
    json.dump({
        "source": f"HELM 0.5.16 {class_name}({', '.join(options.args)}).get_instances on this folder (../make-helm-instances.py)",
        "scenario_json": {k: scenario_json[k] for k in ("name", "description", "tags", "definition_path")},
        "instances": [asdict_without_nones(i) for i in instances],
    }, f, indent=1, ensure_ascii=False)
    f.write("\n")
