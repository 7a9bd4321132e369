"""Expected values of HELM's rouge/bleu/set-match reference metrics on fixed and random (gold, pred) pairs.

bleu_1, bleu_4, exact_set_match, iou_set_match, f1_set_match: HELM 0.5.16's own functions (nltk 3.8,
English punkt). rouge_*: HELM's `rouge_score` helper with a RougeScorer(use_stemmer=True) from a copy of
google-research rouge (the rouge_score 0.1.2 source) passed as `scorer` (rouge_score itself is a stub here).
usage: PYTHONPATH=<rouge copy>:$PYTHONPATH python make_reference_vectors.py OUT.json
"""
import json, random, sys
from helm.benchmark.metrics.evaluate_reference_metrics import (
    bleu_1, bleu_4, exact_set_match, f1_set_match, iou_set_match, rouge_score)
from rouge import rouge_scorer

SCORERS = {name: rouge_scorer.RougeScorer([t], use_stemmer=True) for name, t in
           [("rouge_1", "rouge1"), ("rouge_2", "rouge2"), ("rouge_l", "rougeL")]}

FIXED = [
    ("The quick brown fox jumps over the lazy dog", "The quick brown dog jumps on the log."),
    ("the quick brown fox jumped over the lazy dog", "the fox jumped over the dog"),
    ("Mr. Darcy marries Elizabeth.", "Elizabeth marries Mr. Darcy."),
    ("He moved to the U.S. in 1990. Then he left.", "He left the U.S. in 1990."),
    ("J. K. Rowling wrote it", "It was written by J. K. Rowling."),
    ("", "something"), ("something", ""), ("", ""), ("...", "!!!"),
    ("Running runners ran", "run running runs"),
    ("generalizations of connected connections", "generalization connecting connect"),
    ("a b c d e", "a b c d e"), ("a b c d", "a b c d e"), ("one two three four five six", "one two three four"),
    ("The cat is big and red.", "The cat is red and big."),
    ("The cat is big and red.", "The cat is big.\nThe cat is red and big."),
    ("Nothing.", "Nothing."), ("Nothing.", "The cat is big."), ("The cat is big.", "Nothing."),
    ("The fruit is apple and pear and plum.", "apple and pear"),
    ("It is what it is and was.", "was and it"),
    ("Café naïve résumé", "cafe naive resume"),
    ("İstanbul KELVIN", "i̇stanbul kelvin"),
    ("don't stop, won't stop", "do n't stop and will not stop"),
    ("3,000 people (roughly) attended -- \"wow\"", "roughly 3,000 people attended, wow!"),
]

WORDS = ("the The a an of to and is was it It he He she said says saying run runs running ran runner "
         "happy happiness happily general generalization generalizations connect connected connection "
         "Mr. Dr. Mrs. St. U.S. e.g. i.e. Jan. J. K. Smith London Paris , . ! ? ; : ' \" ( ) -- ... "
         "'s n't don't can't 1,000 3.5 1990 42 cafe café naïve over lazy dog fox quick brown jumps big red "
         "and Nothing. is").split()

def rand_text(rng, base=None):
    if base and rng.random() < 0.7:
        words = [w if rng.random() < 0.7 else rng.choice(WORDS) for w in base]
        rng.shuffle(words) if rng.random() < 0.3 else None
        words = words[: rng.randint(0, len(words))] + [rng.choice(WORDS) for _ in range(rng.randint(0, 4))]
    else:
        words = [rng.choice(WORDS) for _ in range(rng.randint(0, 14))]
    text = " ".join(words)
    if rng.random() < 0.5:
        text += rng.choice([".", "!", "?", "", "\n", "\nSecond line."])
    return text, words

def typed(x):
    return [x, "float" if isinstance(x, float) else "int"]

def main():
    rng = random.Random(15)
    pairs = list(FIXED)
    for _ in range(200):
        gold, words = rand_text(rng)
        pred, _ = rand_text(rng, words)
        pairs.append((gold, pred))
    out = []
    for gold, pred in pairs:
        scores = {name: typed(rouge_score(gold, pred, name.replace("rouge_", "rouge").replace("rougel", "rougeL"), s))
                  for name, s in SCORERS.items()}
        for name, f in [("bleu_1", bleu_1), ("bleu_4", bleu_4), ("exact_set_match", exact_set_match),
                        ("iou_set_match", iou_set_match), ("f1_set_match", f1_set_match)]:
            scores[name] = typed(f(gold, pred))
        out.append({"gold": gold, "pred": pred, "scores": scores})
    with open(sys.argv[1], "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False, indent=0)
    print(len(out))

if __name__ == "__main__":
    main()
