"""Expected stats of HELM 0.5.16's ClassificationMetric and MultipleChoiceClassificationMetric (`evaluate_instances`,
scikit-learn 1.2.1, numpy 1.24) on fixed and random populations of one context.
usage: python make-classification-vectors.py classification-vectors.json
"""
import json, random, sys, warnings
warnings.simplefilter("ignore")
from helm.benchmark.metrics.classification_metrics import ClassificationMetric, MultipleChoiceClassificationMetric
from helm.benchmark.adaptation.request_state import RequestState
from helm.benchmark.scenarios.scenario import Input, Instance, Output, Reference, CORRECT_TAG
from helm.common.request import Request, RequestResult, GeneratedOutput

def request_state(row):
    refs = [Reference(output=Output(text=t), tags=[CORRECT_TAG] if c else []) for t, c in row["refs"]]
    completions = [GeneratedOutput(text=t, logprob=lp, tokens=[]) for t, lp in row["completions"]]
    return RequestState(instance=Instance(input=Input(text=""), references=refs), reference_index=None, request_mode=None,
        train_trial_index=0, output_mapping=row.get("mapping"), request=Request(model="a/b", model_deployment="a/b"),
        result=RequestResult(success=True, embedding=[], completions=completions, cached=False),
        num_train_instances=0, prompt_truncated=False)

def gen(pred, golds, labels=None):
    labels = labels or golds
    return {"completions": [[pred, 0.0]], "refs": [[l, l in golds] for l in labels]}

ALL = {"averages": [None, "micro", "macro", "weighted"], "scores": ["f1", "precision", "recall"]}
YES_NO = [("yes", ["yes"]), ("yes ", ["yes"]), ("yeS", ["yes"]), ("yes", ["no"]), ("no", ["yes"]), ("no", ["no"]), ("invalid", ["no"])]
ABC = ["a", "b", "c"]
CASES = [
    ("HELM test: default parameters", "classification", {}, [gen(p, g) for p, g in YES_NO]),
    ("HELM test: yes/no with labels, all averages and scores", "classification", {**ALL, "labels": ["yes", "no"]}, [gen(p, g) for p, g in YES_NO]),
    ("HELM test: multi-class", "classification", {**ALL, "labels": ABC}, [gen(p, [g], ABC) for p, g in
        [("a", "a"), ("a", "a"), ("a", "a"), ("a", "b"), ("b", "b"), ("b", "b"), ("b", "c"), ("c", "a"), ("c", "c"), ("invalid", "c")]]),
    ("HELM test: multi-label", "classification", {**ALL, "labels": ABC, "delimiter": ","}, [gen(p, g, ABC if g else []) for p, g in
        [("a,b", ["a", "b"]), ("a,b", ["a", "c"]), ("a", ["a"]), ("c", ["b"]), ("b", ["b", "c"]), ("a,b", ["c"]), ("a,c", ["a"]),
         ("a,b,c", ["a", "b", "c"]), ("", []), ("n/a", []), ("invalid", ["c"])]]),
    ("one inferred class: sklearn scores the binary values 0 and 1", "classification", ALL,
        [gen("Positive", ["Positive"]), gen("negative", ["Positive"])]),
    ("one given class never used: only the value 0 occurs", "classification", {**ALL, "labels": ["yes"]},
        [gen("x", ["no"]), gen("y", ["no"])]),
    ("normalization keeps articles, drops punctuation and case", "classification", ALL,
        [gen("The  Answer!", ["the answer"]), gen("an answer", ["The answer."]), gen("A answer", ["an answer"])]),
    ("a class named micro collides with the micro average", "classification", {**ALL, "labels": ["micro", "other"]},
        [gen("micro", ["micro"]), gen("other", ["micro"]), gen("other", ["other"])]),
    ("MC: mapped letters, an unmapped answer kept as it is, the most likely completion", "mc", {}, [
        {"completions": [["A", 0.0]], "refs": [["x", True], ["y", False]], "mapping": {"A": "x", "B": "y"}},
        {"completions": [["C", 0.0]], "refs": [["y", True], ["x", False]], "mapping": {"A": "x", "B": "y"}},
        {"completions": [[" B", -2.0], ["A", -1.0]], "refs": [["y", True], ["x", False]], "mapping": {"A": "x", "B": "y"}},
        {"completions": [["B ", -1.0], ["A", -1.0]], "refs": [["y", True], ["x", False]], "mapping": {"A": "x", "B": "y"}}]),
    ("MC: no request state", "mc", {}, []),
]

def random_cases(rng):
    out = []
    for k in range(8):
        n_labels = rng.choice([2, 3, 5, 9, 13, 20])
        labels = [f"label {chr(97 + i)}{'é' if i % 4 == 0 else ''}" for i in range(n_labels)]
        given = k % 2 == 0
        rows = []
        for _ in range(rng.randint(5, 40)):
            gold = rng.choice(labels[: max(1, n_labels - 2)])
            pred = rng.choice(labels + ["none of these", ""]) if rng.random() < 0.6 else gold
            rows.append(gen(pred.upper() if rng.random() < 0.2 else pred, [gold], labels))
        args = {**ALL, "labels": labels} if given else ALL
        out.append((f"random population {k} ({n_labels} labels, {'given' if given else 'inferred'})", "classification", args, rows))
        mc_rows = [{"completions": [[rng.choice("ABCDE"), 0.0]], "refs": [[l, l == g] for l in labels[:5]],
                    "mapping": {c: labels[i] for i, c in enumerate("ABCD") if i < n_labels}}
                   for g in (rng.choice(labels[:5]) for _ in range(rng.randint(3, 25)))]
        out.append((f"random MC population {k}", "mc", {}, mc_rows))
    return out

def main():
    out = []
    for name, kind, args, rows in CASES + random_cases(random.Random(15)):
        metric = ClassificationMetric(**args) if kind == "classification" else MultipleChoiceClassificationMetric()
        stats = metric.evaluate_instances([request_state(r) for r in rows], "")
        out.append({"name": name, "kind": kind, "args": args, "rows": rows,
                    "stats": [[s.name.name, s.sum if s.sum == s.sum else "NaN"] for s in stats]})
    with open(sys.argv[1], "w", encoding="utf-8") as f:
        f.write("[\n" + ",\n".join(json.dumps(c, ensure_ascii=False, separators=(",", ":")) for c in out) + "\n]\n")
    print(len(out))

if __name__ == "__main__":
    main()
