"""HELM 0.5.16's SummarizationMetric on made-up cases: its own _remove_braces, _compute_rouge and _compute_data_stats
(rouge-score 0.1.2 and summ_eval's DataStatsMetric with spaCy's English tokenizer; see the case notes of
oracle-summarization-xsum for the stand-ins the anchor needed).

    python make-stats.py stats.json
"""
import json, sys
from helm.benchmark.metrics.summarization_metrics import SummarizationMetric

m = SummarizationMetric(task="summarization_xsum", device="cpu")
article = ("{The council said the river would be closed on Sunday. Police said three people, including two children, "
           "were taken to hospital. The U.S. firm's plans weren't approved -- the minister can't say why.}")
CASES = [
    (["Three people were taken to hospital after the river was closed."], article, " Police said three people were taken to hospital.\n"),
    (["{Three people were taken to hospital.}", "The river was closed on Sunday."], article, "{The river would be closed on Sunday.}"),
    (["A summary."], article, "The council said the river would be closed on Sunday.\n\n The U.S. firm's plans weren't approved."),
    (["A summary."], article, ""),
    (["A summary."], article, "   "),
    (["Nothing in common."], article, "zebra quantum xylophone"),
    (["Minister can't say."], article, "THE MINISTER CAN'T SAY WHY -- the U.S. firm's plans"),
    (["Café owners ŝay naïve things."], "Café owners ŝay naïve things 😀 today.", "café owners say naïve things 😀"),
    (["x"], "", "Something here."),
]
out = {"_about": "HELM 0.5.16 SummarizationMetric: refs, input, completion text -> stats (make-stats.py)", "cases": []}
for refs, inp, completion in CASES:
    r = [m._remove_braces(x) for x in refs]
    pred = m._remove_braces(completion.strip())
    stats = {**m._compute_rouge(r, pred), **m._compute_data_stats(m._remove_braces(inp), pred)}
    out["cases"].append({"references": refs, "input": inp, "completion": completion, "stats": {k: float(v) for k, v in stats.items()}})
with open(sys.argv[1], "w", encoding="utf-8") as f:
    json.dump(out, f, ensure_ascii=False, indent=1)
    f.write("\n")
