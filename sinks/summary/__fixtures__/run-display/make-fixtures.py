"""Builds the run-display fixtures: small run directories in HELM's formats (json.dumps(indent=2), as HELM
writes them), then HELM 0.5.16's own write_run_display_json on each, whose three files are kept as expected
output under <case>/helm/. Run with the HELM anchor's python (source /work/anchor/env.sh):

    python3 sinks/summary/__fixtures__/run-display/make-fixtures.py

The display metric names of each case are in <case>/display-metric-names.json (HELM computes them from the
schema; here they are given, and HELM's _get_metric_names_for_groups is replaced by them).
"""
import json
import os
import shutil
import tempfile

from helm.benchmark.presentation import run_display
from helm.benchmark.run_spec import RunSpec
from helm.common.codec import from_json

HERE = os.path.dirname(os.path.abspath(__file__))


def dump(path, value):
    with open(path, "w") as f:
        f.write(json.dumps(value, indent=2))


def stat(name, mean=None, count=1, **context):
    """A per-instance Stat as HELM writes it (count 0: no mean)."""
    out = {"name": {"name": name, "split": "test", **context}, "count": count, "sum": 0.0 if mean is None else mean,
           "sum_squared": 0.0}
    if count > 0:
        out.update({"min": mean, "max": mean, "mean": mean, "variance": 0.0, "stddev": 0.0})
    return out


def run_spec(name, method, **adapter):
    return {
        "name": name,
        "scenario_spec": {"class_name": "helm.benchmark.scenarios.x.XScenario", "args": {}},
        "adapter_spec": {"method": method, "model_deployment": "simple/model1", "model": "simple/model1", **adapter},
        "metric_specs": [],
        "data_augmenter_spec": {},
        "groups": ["x"],
    }


def request(prompt, **extra):
    return {"model_deployment": "simple/model1", "model": "simple/model1", "embedding": False, "prompt": prompt,
            "temperature": 0.0, "num_completions": 1, "top_k_per_token": 1, "max_tokens": 5, "stop_sequences": [],
            "echo_prompt": False, "top_p": 1.0, "presence_penalty": 0.0, "frequency_penalty": 0.0, **extra}


def result(*texts, **first_extra):
    completions = [{"text": t, "logprob": -1.5, "tokens": [{"text": t[:3], "logprob": -0.5}, {"text": t[3:], "logprob": -1.0}]}
                   for t in texts]
    completions[0].update(first_extra)
    return {"success": True, "embedding": [], "completions": completions, "cached": False, "request_time": 0.5}


def state(instance, trial, req, res, **extra):
    out = {"instance": instance, **{k: v for k, v in extra.items() if k in ("reference_index", "request_mode")},
           "train_trial_index": trial}
    if "output_mapping" in extra:
        out["output_mapping"] = extra["output_mapping"]
    out["request"] = req
    if res is not None:
        out["result"] = res
    out.update({"num_train_instances": 0, "prompt_truncated": False, "num_conditioning_tokens": 0})
    if "annotations" in extra:
        out["annotations"] = extra["annotations"]
    return out


def separate_original():
    """Separate multiple choice over two train trials: per_instance_stats in two metric passes, perturbations."""
    refs = [{"output": {"text": t}, "tags": ["correct"] if t == "blue" else []} for t in ["red", "blue", "green"]]
    dialect = {"name": "dialect", "robustness": False, "fairness": True, "computed_on": "perturbed", "seed": 7,
               "prob": 1, "source_class": "SAE", "target_class": "AAVE"}
    style = {"name": "style", "robustness": True, "fairness": False, "computed_on": "perturbed", "suffix": "!!"}
    instances = [
        {"input": {"text": "The sky is"}, "references": refs, "split": "test", "id": "id1"},
        {"input": {"text": "Teh sky be"}, "references": refs, "split": "test", "id": "id1", "perturbation": dialect},
        {"input": {"text": "Grass is"}, "references": refs, "split": "test", "sub_split": "easy", "id": "id2",
         "perturbation": style, "unknown_field": 3},
    ]
    states, pass1, pass2 = [], [], []
    for trial in range(2):
        for n, inst in enumerate(instances):
            for ref_index, ref in enumerate(refs):
                prompt = f"{inst['input']['text']} {ref['output']['text']}"
                # a state without result (as on a dry run) is left out of the display files
                res = None if (trial == 1 and n == 0 and ref_index == 2) else result(prompt)
                states.append(state(inst, trial, request(prompt, echo_prompt=True, max_tokens=0), res,
                                    reference_index=ref_index, request_mode="original"))
            key = {"instance_id": inst["id"], "train_trial_index": trial}
            if "perturbation" in inst:
                key = {"instance_id": inst["id"], "perturbation": inst["perturbation"], "train_trial_index": trial}
            predicted = (n + trial) % 3
            first = [stat("exact_match", 1.0 if predicted == 1 else 0.0), stat("num_prompt_tokens", count=0),
                     stat("not_displayed", 5.0)]
            if not (n == 2 and trial == 1):  # no predicted_index: every reference is shown
                first.insert(0, stat("predicted_index", float(predicted)))
            pass1.append({**key, "stats": first})
            pass2.append({**key, "stats": [stat("num_output_tokens", 0.0),
                                           stat("exact_match", 0.25), stat("max_prob", float("inf"))]})
    names = ["exact_match", "num_prompt_tokens", "num_output_tokens", "max_prob"]
    spec = run_spec("x:method=separate_original", "multiple_choice_separate_original", num_train_trials=2)
    return spec, states, pass1 + pass2, names


def joint_with_pattern():
    """Joint multiple choice with an output_mapping_pattern, annotations, thinking, multimodal output, extra data;
    per_instance_stats in another order than the request states (the join falls back to an index)."""
    mapping = {"A": "red", "B": "blue", "10": "ten"}
    answers = ["  Answer: B\n", "no letter here", "Answer: C", "Answer: 10"]
    states, entries = [], []
    for n, answer in enumerate(answers):
        inst = {"input": {"text": f"Question {n}?"}, "references": [{"output": {"text": "red"}, "tags": []}],
                "split": "valid", "id": f"id{n}", "extra_data": {"b": 1, "a": 2.0, "3": None, "1": [1.0, 2]}}
        extra = {}
        if n == 0:
            extra = {"thinking": {"text": "Let me think."},
                     "multimodal_content": {"media_objects": [
                         {"content_type": "text/plain", "text": "Look:"},
                         {"content_type": "image/png", "location": "https://example.com/generated.png"}]}}
        if n == 1:
            extra = {"thinking": {}}
        req = request(f"Question {n}?", temperature=0, top_p=1, messages=[{"role": "user", "content": "Q"}],
                      random="r1", unknown=True)
        annotations = {"judge": {"score": 1.0, "10": "x", "2": 3, "nested": [{"z": 0.0}]}} if n < 2 else None
        st = state(inst, 0, req, result(answer, **extra), output_mapping=mapping,
                   **({"annotations": annotations} if annotations else {}))
        states.append(st)
        entries.append({"instance_id": inst["id"], "train_trial_index": 0,
                        "stats": [stat("exact_match", float(n % 2)), stat("num_output_tokens", 4.0)]})
    entries.reverse()
    spec = run_spec("x:method=joint", "multiple_choice_joint", output_mapping_pattern="(?P<letter>[A-D]|10)\\b")
    return spec, states, entries, ["exact_match", "num_output_tokens"]


def separate_calibrated():
    """Calibrated separate multiple choice: the calibration requests are dropped."""
    refs = [{"output": {"text": t}, "tags": []} for t in ["yes", "no"]]
    inst = {"input": {"text": "Is it?"}, "references": refs, "split": "test", "id": "id9"}
    states = []
    for mode in ["original", "calibration"]:
        for i, ref in enumerate(refs):
            prompt = ("Is it? " if mode == "original" else "Answer: ") + ref["output"]["text"]
            states.append(state(inst, 0, request(prompt, echo_prompt=True, max_tokens=0), result(prompt),
                                reference_index=i, request_mode=mode))
    entries = [{"instance_id": "id9", "train_trial_index": 0,
                "stats": [stat("predicted_index", 1.0), stat("exact_match", 0.0)]}]
    spec = run_spec("x:method=calibrated", "multiple_choice_separate_calibrated")
    return spec, states, entries, ["exact_match"]


CASES = {"separate-original": separate_original, "joint-pattern": joint_with_pattern,
         "separate-calibrated": separate_calibrated}

for case, build in CASES.items():
    spec, states, entries, names = build()
    case_dir = os.path.join(HERE, case)
    shutil.rmtree(case_dir, ignore_errors=True)
    os.makedirs(os.path.join(case_dir, "helm"))
    dump(os.path.join(case_dir, "run_spec.json"), spec)
    dump(os.path.join(case_dir, "scenario_state.json"), {"adapter_spec": spec["adapter_spec"], "request_states": states})
    dump(os.path.join(case_dir, "per_instance_stats.json"), entries)
    dump(os.path.join(case_dir, "display-metric-names.json"), names)
    with tempfile.TemporaryDirectory() as tmp:
        for name in ["run_spec.json", "scenario_state.json", "per_instance_stats.json"]:
            shutil.copy(os.path.join(case_dir, name), tmp)
        run_display._get_metric_names_for_groups = lambda groups, schema, names=names: set(names)
        with open(os.path.join(tmp, "run_spec.json")) as f:
            run_display.write_run_display_json(tmp, from_json(f.read(), RunSpec), None, skip_completed=False)
        for name in ["instances.json", "display_predictions.json", "display_requests.json"]:
            shutil.copy(os.path.join(tmp, name), os.path.join(case_dir, "helm", name))
    print(case, "written")
