"""Writes the group-tables fixture suite (suite/) with HELM 0.5.16's own classes, then runs HELM's helm-summarize
on it and keeps its output (helm/). Run with the anchor's Python: `source /work/anchor/env.sh && python3 make-fixture.py`.
Every value below is made up; the point is the rules summarize applies to them (see README.md)."""
import json, os, shutil, subprocess, tempfile
from dataclasses import asdict
from helm.benchmark.adaptation.adapter_spec import AdapterSpec
from helm.benchmark.augmentations.perturbation_description import PerturbationDescription
from helm.benchmark.metrics.metric_name import MetricName
from helm.benchmark.metrics.statistic import Stat
from helm.benchmark.run_spec import RunSpec
from helm.benchmark.scenarios.scenario import ScenarioSpec
from helm.common.general import asdict_without_nones

HERE = os.path.dirname(os.path.abspath(__file__))
WORST = PerturbationDescription(name="robustness", robustness=True, computed_on="worst")
PERTURBED = PerturbationDescription(name="robustness", robustness=True, computed_on="perturbed")


def stat(name, split, values, sub_split=None, perturbation=None):
    s = Stat(MetricName(name, split=split, sub_split=sub_split, perturbation=perturbation))
    for v in values:
        s.add(v)
    return s


def run(name, scenario, args, deployment, model, groups, stats, max_train_instances=5):
    spec = RunSpec(
        name=name,
        scenario_spec=ScenarioSpec(class_name=f"fixture.{scenario}", args=args),
        adapter_spec=AdapterSpec(method="generation", model_deployment=deployment, model=model,
                                 max_train_instances=max_train_instances, max_eval_instances=10),
        metric_specs=[],
        groups=groups,
    )
    return spec, stats


def common(split, instances=10.0, prompt=100.0, completion=5.0):
    return [stat("num_instances", split, [instances]), stat("num_references", split, [1.0]),
            stat("num_prompt_tokens", split, [prompt]), stat("num_completion_tokens", split, [completion])]


def alpha_stats(qem, em, err, easy, hard, robust, score=None, ece=None, qem_present=True):
    out = common("test")
    if qem_present:
        # a split-level stat and per-sub-split stats: summarize merges all three for a column without sub-split
        out += [stat("quasi_exact_match", "test", [qem]), stat("quasi_exact_match", "test", easy, sub_split="easy"),
                stat("quasi_exact_match", "test", hard, sub_split="hard"),
                stat("quasi_exact_match", "test", [robust], perturbation=WORST),
                stat("quasi_exact_match", "test", [0.0], perturbation=PERTURBED)]
    out += [stat("exact_match", "test", [em]), stat("exact_match", "test", [em], sub_split="easy")]
    if err is not None:
        out.append(stat("error_rate", "test", [err]))
    if score is not None:
        out.append(stat("score", "test", score))
    if ece is not None:
        out.append(stat("ece_10_bin", "test", [ece]))
    return out


RUNS = [
    run("alpha:x=1,model=fix/gamma", "AlphaScenario", {"x": 1}, "fix/gamma", "fix/gamma", ["alpha_task"],
        alpha_stats(0.5, 0.4, 0.25, [1.0], [0.25, 0.75], 0.5, score=[2.0], ece=0.125)),
    run("alpha:x=1,model=fix/alpha", "AlphaScenario", {"x": 1}, "fix/alpha", "fix/alpha", ["alpha_task"],
        alpha_stats(0.75, 0.7, 0.0625, [0.75], [0.5, 0.5], 0.5, score=[1.0, 2.0], ece=0.2)),
    run("alpha:x=1,model=fix/beta", "AlphaScenario", {"x": 1}, "fix/beta", "fix/beta", ["alpha_task"],
        alpha_stats(0.5, 0.5, 0.25, [0.5], [0.5, 0.5], 0.25, ece=0.2)),
    run("alpha:x=1,model=host/alpha", "AlphaScenario", {"x": 1}, "host/alpha", "fix/alpha", ["alpha_task"],
        alpha_stats(2 / 3, 0.6, 0.25, [1 / 3], [0.1, 0.2], 1 / 3, score=[3.0])),
    run("alpha:x=1,model=meta/llama-7b", "AlphaScenario", {"x": 1}, "meta/llama-7b", "meta/llama-7b", ["alpha_task"],
        alpha_stats(0.125, 0.1, 0.5, [0.0], [0.0, 0.25], 0.0, ece=0.05)),
    run("alpha:x=2,model=fix/gamma", "AlphaScenario", {"x": 2}, "fix/gamma", "fix/gamma", ["alpha_task"],
        alpha_stats(0.25, 0.2, 0.0, [0.5], [0.0, 0.0], 0.125, score=[])),
    run("alpha:x=2,model=fix/alpha", "AlphaScenario", {"x": 2}, "fix/alpha", "fix/alpha", ["alpha_task"],
        alpha_stats(0.0, 0.9, 0.0625, [], [], 0.0, qem_present=False)),
    run("alpha:x=2,model=fix/unknown", "AlphaScenario", {"x": 2}, "fix/unknown", "fix/unknown", ["alpha_task"],
        alpha_stats(1e-05, 0.0, None, [0.00001], [1.0, 0.5], 0.0)),
    run("combo:model=fix/beta", "ComboScenario", {}, "fix/beta", "fix/beta", ["alpha_task", "beta_task"],
        alpha_stats(0.5, 0.5, 0.125, [0.5], [0.5, 1.0], 0.25)
        + common("valid") + [stat("exact_match", "valid", [0.5]), stat("score", "valid", [0.5]),
                             stat("exact_match", "valid", [0.25], perturbation=WORST)]),
    run("beta:model=fix/gamma", "BetaScenario", {}, "fix/gamma", "fix/gamma", ["beta_task"],
        common("valid", prompt=200.0) + [stat("exact_match", "valid", [0.5]), stat("score", "valid", [0.5]),
                                         stat("exact_match", "valid", [0.5], perturbation=WORST)]),
    run("beta:model=fix/alpha", "BetaScenario", {}, "fix/alpha", "fix/alpha", ["beta_task"],
        common("valid", prompt=210.5) + [stat("exact_match", "valid", [0.5]), stat("score", "valid", [0.75]),
                                         stat("exact_match", "valid", [0.25], perturbation=WORST)]),
    run("beta:model=fix/alpha,max_train_instances=0", "BetaScenario", {}, "fix/alpha", "fix/alpha", ["beta_task"],
        common("valid", completion=0.0) + [stat("exact_match", "valid", [0.25]), stat("score", "valid", [0.75])],
        max_train_instances=0),
    run("beta:model=fix/beta", "BetaScenario", {}, "fix/beta", "fix/beta", ["beta_task"],
        common("valid") + [stat("exact_match", "valid", [0.75])]),
    run("beta:model=fix/gamma,max_train_instances=1", "BetaScenario", {}, "fix/gamma", "fix/gamma",
        ["beta_task", "ablation"], common("valid") + [stat("exact_match", "valid", [1.0])], max_train_instances=1),
    run("babi_qa:task=all,model=fix/alpha", "BabiScenario", {"task": "all"}, "fix/alpha", "fix/alpha", ["babi_qa"],
        common("test") + [stat("exact_match", "test", [0.5])]),
    run("babi_qa:task=1,model=fix/alpha", "BabiScenario", {"task": "1"}, "fix/alpha", "fix/alpha", ["babi_qa"],
        common("test") + [stat("exact_match", "test", [1.0])]),
    run("babi_qa:task=all,model=fix/gamma", "BabiScenario", {"task": "all"}, "fix/gamma", "fix/gamma", ["babi_qa"],
        common("test") + [stat("exact_match", "test", [0.75])]),
]


def write_json(path, obj):
    with open(path, "w") as f:
        f.write(json.dumps(obj, indent=2))


def main():
    suite = os.path.join(HERE, "suite")
    shutil.rmtree(suite, ignore_errors=True)
    for spec, stats in RUNS:
        run_dir = os.path.join(suite, spec.name.replace("/", "_"))
        os.makedirs(run_dir)
        write_json(os.path.join(run_dir, "run_spec.json"), asdict_without_nones(spec))
        write_json(os.path.join(run_dir, "stats.json"), [asdict_without_nones(s) for s in stats])
    helm = os.path.join(HERE, "helm")
    shutil.rmtree(helm, ignore_errors=True)
    os.makedirs(os.path.join(helm, "groups"))
    os.makedirs(os.path.join(helm, "debug"))
    for flags in [[], ["--debug"]]:
        with tempfile.TemporaryDirectory() as tmp:
            shutil.copytree(suite, os.path.join(tmp, "benchmark_output", "runs", "fixture"))
            subprocess.run(["helm-summarize", "--suite", "fixture", "-o", "benchmark_output", "--schema-path",
                            os.path.join(HERE, "schema.yaml"), "--local-path", os.path.join(HERE, "prod_env"), *flags],
                           cwd=tmp, check=True, env={**os.environ, "PYTHONHASHSEED": "0"})
            out = os.path.join(tmp, "benchmark_output", "runs", "fixture")
            if flags:  # --debug: cell descriptions list the runs merged; one group is enough
                shutil.copy(os.path.join(out, "groups", "beta_task.json"), os.path.join(helm, "debug", "beta_task.json"))
                continue
            for name in ["groups.json", "groups_metadata.json", "schema.json"]:
                shutil.copy(os.path.join(out, name), os.path.join(helm, name))
            for name in sorted(os.listdir(os.path.join(out, "groups"))):
                if name.endswith(".json"):
                    shutil.copy(os.path.join(out, "groups", name), os.path.join(helm, "groups", name))


if __name__ == "__main__":
    main()
