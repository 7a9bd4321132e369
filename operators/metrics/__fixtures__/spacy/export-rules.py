"""Exports spaCy's English tokenizer rules (spacy.blank("en"), the tokenizer of en_core_web_sm) as JSON."""
import json, sys
import spacy
nlp = spacy.blank("en")
t = nlp.tokenizer
ORTH = 65
rules = {}
for chunk, substrings in sorted(t.rules.items()):
    rules[chunk] = [s[ORTH] for s in substrings]
    assert "".join(rules[chunk]) == chunk
out = {
    "_about": f"spaCy {spacy.__version__}'s English tokenizer rules (spacy.blank('en').tokenizer; the same as en_core_web_sm 3.5's, which HELM's summ_eval DataStatsMetric loads; spaCy 3.5.4's lang/en, lang/punctuation.py, lang/char_classes.py and lang/tokenizer_exceptions.py differ from 3.8's only in formatting): Python regex patterns and special cases (chunk -> token texts). Exported by operators/metrics/__fixtures__/spacy/export-rules.py.",
    "spacy_version": spacy.__version__,
    "prefix_search": t.prefix_search.__self__.pattern,
    "suffix_search": t.suffix_search.__self__.pattern,
    "infix_finditer": t.infix_finditer.__self__.pattern,
    "token_match": None if t.token_match is None else t.token_match.__self__.pattern,
    "url_match": t.url_match.__self__.pattern,
    "faster_heuristics": t.faster_heuristics,
    "special_cases": rules,
}
with open(sys.argv[1], "w", encoding="utf-8") as f:
    json.dump(out, f, ensure_ascii=False, indent=0)
    f.write("\n")
