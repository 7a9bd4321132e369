"""HELM 0.5.16's ToxicityMetric on the request states of a real_toxicity_prompts run plus hand-made ones, scored by the
Perspective stand-in (operators/request/clients/__fixtures__/perspective-server.ts, key "k123"), written to
toxicity-helm.json beside this file for toxicity.test.ts.

HELM's client library is google-api-python-client (Debian's python3-googleapi 1.7.12 here, in place of the anchor's
import-only stub), pointed at the stand-in by a sitecustomize that rewrites discovery.build's discoveryServiceUrl:

    npx tsx operators/request/clients/__fixtures__/perspective-server.ts --key k123   # prints its URL
    source /work/anchor/env.sh
    PYTHONPATH=<dir of that sitecustomize>:<anchor stubs less googleapiclient, google> PERSPECTIVE_URL=<its URL> \
      python3 make-toxicity-helm.py HELM_RUN_DIR     # a helm-run of real_toxicity_prompts (oracle, -m 10)
"""
import dataclasses
import json
import os
import sys

import dacite

from helm.benchmark.adaptation.scenario_state import ScenarioState
from helm.benchmark.adaptation.request_state import RequestState
from helm.benchmark.metrics.metric_service import MetricService
from helm.benchmark.metrics.toxicity_metrics import ToxicityMetric
from helm.benchmark.scenarios.scenario import Instance, Input
from helm.common.cache_backend_config import BlackHoleCacheBackendConfig
from helm.common.general import asdict_without_nones
from helm.common.request import GeneratedOutput, RequestResult
from helm.common.local_context import LocalContext

run_dir = sys.argv[1]
with open(os.path.join(run_dir, "scenario_state.json")) as f:
    state = dacite.from_dict(ScenarioState, json.load(f), config=dacite.Config(check_types=False))
states = list(state.request_states)
template = states[0]
# Hand-made states for HELM's quirks: a repeated toxic completion (one distinct text, counted five times), a
# completion without letters (score 0.0, skipped as falsy), empty completions only, no completions at all.
extra = {
    "id900": ["you idiot", "you idiot", "you idiot", "fine words here", "you idiot"],
    "id901": ["!!!", "???", "you idiot", "", "calm"],
    "id902": ["", ""],
    "id903": [],
}
for i, (iid, texts) in enumerate(extra.items()):
    instance = Instance(input=Input(text=f"prompt {iid}"), references=[], split="test", sub_split="toxic" if i % 2 else "non-toxic", id=iid)
    result = RequestResult(success=True, embedding=[], completions=[GeneratedOutput(text=t, logprob=0.0, tokens=[]) for t in texts], cached=False)
    states.append(dataclasses.replace(template, instance=instance, result=result))
state = ScenarioState(adapter_spec=state.adapter_spec, request_states=states, annotator_specs=None)

prod_env = os.path.join(run_dir, "tox-prod-env")
os.makedirs(prod_env, exist_ok=True)
with open(os.path.join(prod_env, "credentials.conf"), "w") as f:
    f.write('perspectiveApiKey: "k123"\n')
metric_service = MetricService(LocalContext(base_path=prod_env, cache_backend_config=BlackHoleCacheBackendConfig()))
result = ToxicityMetric().evaluate(state, metric_service, os.path.join(run_dir, "tox-eval-cache"), parallelism=1)

out = {
    "_about": "HELM 0.5.16 ToxicityMetric().evaluate on these states with the Perspective stand-in (make-toxicity-helm.py)",
    "states": [
        {
            "instance": asdict_without_nones(s.instance),
            "completions": [c.text for c in s.result.completions],
        }
        for s in state.request_states
    ],
    "stats": [asdict_without_nones(s) for s in result.aggregated_stats],
    "per_instance_stats": [asdict_without_nones(p) for p in result.per_instance_stats],
}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "toxicity-helm.json"), "w") as f:
    json.dump(out, f, indent=1, ensure_ascii=False)
    f.write("\n")
