"""Vectors for the copyright, disinformation and ranking metric tests, computed by HELM 0.5.16's own metric classes
(nltk 3.8's TreebankWordTokenizer, sacrebleu 2.6.0 and pytrec_eval 0.5 built from their sources), written to
rank-metric-vectors.json beside this file.

    source /work/anchor/env.sh && PYTHONPATH=<sacrebleu and pytrec_eval>:$PYTHONPATH python3 make-rank-metric-vectors.py
"""
import json, math, os, random, tempfile
from nltk.tokenize.treebank import TreebankWordTokenizer
from helm.benchmark.adaptation.adapter_spec import AdapterSpec
from helm.benchmark.adaptation.request_state import RequestState
from helm.benchmark.scenarios.scenario import Instance, Input, Output, Reference, CORRECT_TAG
from helm.common.request import Request, RequestResult, GeneratedOutput, Token
from helm.benchmark.metrics.copyright_metrics import BasicCopyrightMetric
from helm.benchmark.metrics.disinformation_metrics import _self_bleu, _monte_carlo_entropy, _compute_reiteration_human_eval, _compute_wedging_human_eval
from helm.benchmark.metrics.ranking_metrics import RankingMetric

rng = random.Random(16)
out = {"_about": "HELM 0.5.16 metric values on inputs of our own (make-rank-metric-vectors.py)"}

def state(instance, completions, reference_index=None):
    return RequestState(instance=instance, reference_index=reference_index, request_mode=None, train_trial_index=0, output_mapping=None,
                        request=Request(model="m/x", model_deployment="m/x"), result=RequestResult(success=True, embedding=[], completions=completions, cached=False),
                        num_train_instances=0, prompt_truncated=False)

def stat_json(s):
    v = s.sum
    return [str(s.name.name), v if not (isinstance(v, float) and math.isnan(v)) else "nan", type(v).__name__ if not hasattr(v, "item") else type(v.item()).__name__]

# Treebank tokenizer
tb = TreebankWordTokenizer()
out["treebank"] = [[s, tb.tokenize(s)] for s in ["Good muffins cost $3.88\nin New York.  Please buy me\ntwo of them.\nThanks.", "They'll save and invest more.", "hi, my name can't hello,", '"Quoted" (text) [x] {y} <z> -- a...b; c@d #e %f &g? h! i\' j', "gonna wanna 'tis more'n d'ye gimme lemme gotta cannot", "3,5 1:2 a,b a:b end:", "«quotes» “curly” ‘single’ …"]]

# Copyright
words = "a b c the cat sat on mat , . ' \" it's don't".split()
cases = []
for k in range(40):
    prefix = " ".join(rng.choice(words) for _ in range(rng.randint(1, 4)))
    rest = " ".join(rng.choice(words) for _ in range(rng.randint(0, 12)))
    if k % 7 == 3: rest = rest.replace(" ", "\n\t ")
    completions = []
    for _ in range(rng.randint(1, 3)):
        n = rng.randint(0, 10)
        text = " " + " ".join(rng.choice(words) for _ in range(n)) if rng.random() < 0.8 else ""
        if rng.random() < 0.4: text = " " + rest[: rng.randint(0, len(rest))]
        completions.append(text)
    cases.append([prefix, prefix + " " + rest, completions])
cases.append(["😀 x y", "😀 x y x y z 😀 q", [" x y 😀", " q"]])
cases.append(["a a a", "a a a a b", [" a b", "", " a a"]])
results = []
for prefix, ref, comps in cases:
    inst = Instance(Input(text=prefix), references=[Reference(Output(text=ref), tags=[CORRECT_TAG])], split="test", id="id0")
    rs = state(inst, [GeneratedOutput(text=c, logprob=0.0, tokens=[]) for c in comps])
    row = {"prefix": prefix, "reference": ref, "completions": comps, "stats": {}}
    for name in ["longest_common_prefix_length", "edit_distance", "edit_similarity"]:
        for norm_prefix in [False, True]:
            for norm_space in [False, True]:
                key = f"{name}:{int(norm_prefix)}{int(norm_space)}"
                try:
                    s = BasicCopyrightMetric(name, norm_prefix, norm_space).evaluate_generation(None, rs, None, "")[0]
                    row["stats"][key] = stat_json(s)[1:]
                except Exception as e:
                    row["stats"][key] = f"{type(e).__name__}"
    results.append(row)
out["copyright"] = results

# Disinformation
def gen(text, logprobs):
    return GeneratedOutput(text=text, logprob=sum(logprobs), tokens=[Token(text="t", logprob=l) for l in logprobs])
sents = ["This is a test", "This is another test", "The cat sat on the mat.", "Headline: vaccines 3.5 times riskier, study says", "  ", "", "U.S. officials deny it -- again!"]
dis = []
for k in range(30):
    comps = [gen(rng.choice(sents) + (" " + rng.choice(sents) if rng.random() < 0.5 else ""), [round(-rng.random() * 3, 3) for _ in range(rng.randint(0, 4))]) for _ in range(rng.randint(0, 5))]
    e = _monte_carlo_entropy(comps)
    dis.append({"completions": [[c.text, [t.logprob for t in c.tokens]] for c in comps], "self_bleu": _self_bleu(comps), "self_bleu_type": type(_self_bleu(comps)).__name__, "entropy": "nan" if math.isnan(e) else e})
out["disinformation"] = dis

# Human evaluations
ratings = {"reiteration": {"m/x": {"Thesis A": {"q2_support_thesis": [1, 0, 1], "q3_style": [0.5, 1]}, "Thesis B": {"q2_support_thesis": [], "q3_style": [1]}, "Thesis C": {}}},
           "wedging": {"m/x": {"Five reasons": {"q1_address_audience": [1, 1, 0], "q2_support_goal": [0], "q3_style": [1, 2, 3, 4, 5, 6, 7, 8, 9], "q4_divisive": [2.5], "q5_toxic": [0, 0]}}}}
human = {"ratings": ratings, "cases": []}
for name, fn, texts in [("reiteration", _compute_reiteration_human_eval, ["Thesis A", "Thesis B", "Thesis C", "Thesis D"]), ("wedging", _compute_wedging_human_eval, ["Five reasons\nReason 1:", "Five reasons\r\nmore", "Other\nx"])]:
    cache = tempfile.mkdtemp()
    json.dump(ratings[name], open(os.path.join(cache, f"disinformation_{name}_human_eval.json"), "w"))
    for model in ["m/x", "m/y"]:
        for text in texts:
            inst = Instance(Input(text=text), references=[], split="valid", id="id0")
            stats = fn(AdapterSpec(model_deployment=model), state(inst, []), cache)
            human["cases"].append({"name": name, "model": model, "input": text, "stats": [stat_json(s) for s in stats]})
out["human_eval"] = human

# Ranking
rank_cases = []
for k in range(40):
    n = rng.randint(1, 8)
    refs, comps = [], []
    for i in range(n):
        tags = [f"docid={1000 + i}"]
        rel = rng.choice([None, None, 0, 1, 2, 3])
        if rel is not None and rel >= 2: tags.append(CORRECT_TAG)
        if rel: tags.append(f"relevance={rel}")
        if rng.random() < 0.7: tags.append(f"rank={rng.randint(1, 15)}")
        refs.append(tags)
        comps.append([rng.choice([" Yes", "No", " yes ", " Maybe", ""]), round(-rng.random() * 2, 3)])
    rank_cases.append({"tags": refs, "completions": comps})
ranking = []
for multiple, rank in [(False, None), (True, 10), (False, 5)]:
    measures = ["success.1", "success.2", "success.5", "recall.1", "recall.3", "recall.10", "recip_rank.5", "recip_rank.10", "recip_rank", "ndcg_cut.1", "ndcg_cut.5", "ndcg_cut.10", "ndcg_cut.20"]
    metric = RankingMetric(method="ranking_binary", measure_names=measures, correct_output="Yes", wrong_output="No", rank=rank, multiple_relevance_values=multiple)
    for case in rank_cases:
        inst = Instance(Input(text="q"), references=[Reference(Output(text=f"doc {i}"), tags=t) for i, t in enumerate(case["tags"])], split="valid", id="id0")
        states = [state(inst, [GeneratedOutput(text=t, logprob=l, tokens=[])], reference_index=i) for i, (t, l) in enumerate(case["completions"])]
        stats = metric.evaluate_references(None, states, None, "")
        ranking.append({"multiple": multiple, "rank": rank, "measures": measures, **case, "stats": [stat_json(s) for s in stats]})
out["ranking"] = ranking

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "rank-metric-vectors.json"), "w") as f:
    json.dump(out, f, indent=0, ensure_ascii=False)
    f.write("\n")
