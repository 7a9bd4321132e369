"""HELM 0.5.16's BBQMetric on the request states of bbq-metric-cases.json ("cases"): writes its aggregated stats
there ("helm_stats", each case's stats as HELM's stats.json would print them), for bbq.test.ts.

    source /work/anchor/env.sh && python3 make-bbq-metric-cases.py
"""
import json
from helm.benchmark.metrics.bbq_metrics import BBQMetric
from helm.benchmark.adaptation.request_state import RequestState
from helm.benchmark.adaptation.scenario_state import ScenarioState
from helm.benchmark.adaptation.adapter_spec import AdapterSpec
from helm.benchmark.scenarios.scenario import Instance, Input, Reference, Output
from helm.common.request import Request, RequestResult, GeneratedOutput
from helm.common.general import asdict_without_nones

import os
here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "bbq-metric-cases.json")) as f:
    cases = json.load(f)["cases"]
out = {}
for name, case in cases.items():
    states = []
    instances = {}
    for s in case["states"]:
        key = (s["id"], s["split"])
        if key not in instances:
            refs = [Reference(Output(text=f"r{i}"), tags=t) for i, t in enumerate(s["tags"])]
            instances[key] = Instance(input=Input(text=s["id"]), references=refs, split=s["split"], id=s["id"])
        inst = instances[key]
        result = RequestResult(success=True, embedding=[], completions=[GeneratedOutput(text=c, logprob=0.0, tokens=[]) for c in s["completions"]], cached=False)
        states.append(RequestState(instance=inst, reference_index=s.get("reference_index"), request_mode=None, train_trial_index=s["trial"],
                                   output_mapping=None, request=Request(model="a/b", model_deployment="a/b", prompt="p"), result=result,
                                   num_train_instances=0, prompt_truncated=False))
    spec = AdapterSpec(num_train_trials=case["trials"])
    r = BBQMetric().evaluate(ScenarioState(adapter_spec=spec, request_states=states), None, "/tmp", 1)
    out[name] = [asdict_without_nones(s) for s in r.aggregated_stats]
with open(os.path.join(here, "bbq-metric-cases.json")) as f:
    data = json.load(f)
data["helm_stats"] = {name: json.dumps(stats, indent=2) for name, stats in out.items()}
with open(os.path.join(here, "bbq-metric-cases.json"), "w") as f:
    json.dump(data, f, indent=1, ensure_ascii=False)
    f.write("\n")
