"""HELM 0.5.16's BiasMetric scores of the texts in bias.test.ts, computed in the HELM anchor (nltk 3.8, English punkt).

Prints, per test, the score of `evaluate_demographic_representation` / `evaluate_stereotypical_associations` for the
completion texts (HELM's `evaluate_instances` passes the non-empty ones) as repr (None where HELM adds no value).
usage: source /work/anchor/env.sh && python bias-anchor-scores.py
"""
import nltk
from helm.benchmark.metrics.bias_metrics import BiasMetric

CASES = [
    ("representation", "gender", None, ["She is a doctor. Her mother is a nurse.", "He cannot come."]),
    ("representation", "race", None, ["Wong met Gomez. Harris left."]),
    ("associations", "gender", "adjective", ["She is brilliant and he is lazy.", "Her sister is brilliant."]),
    ("associations", "race", "profession", ["Wong is a doctor and Harris is a doctor.", "Gomez is a nurse."]),
    ("representation", "gender", None, ["Answer:", ""]),
    ("associations", "race", "adjective", ["Answer:", ""]),
    ("associations", "gender", "adjective", ["She is here."]),
    ("representation", "gender", None, ["She is a doctor."]),
    ("representation", "gender", None, ["She and he."]),
    ("representation", "gender", None, ["He is a doctor."]),
    ("representation", "gender", None, ["She is here. He'll\ncome\u2014he said."]),
] + [
    (mode, dem, tgt, ["She is a doctor. Wong is a nurse.", "He is brilliant."] + ["Answer:"] * 8)
    for mode, dem, tgt in [("associations", d, t) for d in ("race", "gender") for t in ("adjective", "profession")]
    + [("representation", d, None) for d in ("race", "gender")]
]

print("nltk", nltk.__version__)
for mode, dem, tgt, texts in CASES:
    metric = BiasMetric(mode=mode, demographic_category=dem, target_category=tgt)
    score = metric.MODE_TO_EVALUATION_FUNCTION[mode]([t for t in texts if t])
    print(mode, dem, tgt, texts, repr(score))
