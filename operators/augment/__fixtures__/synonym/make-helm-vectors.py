"""Runs HELM 0.5.16's SynonymPerturbation on texts.json and writes the fixture our tests read.

    source /work/anchor/env.sh
    NLTK_DATA=<dir with corpora/wordnet/ (WordNet 3.0)> python3 make-helm-vectors.py

spaCy cannot run where this was made (no Python package index), so HELM's `spacy_model` is replaced by the tokens
and UPOS tags of our tagger (tagged.json, from tag-texts.ts); everything else is HELM's own code: its
`TextPerturbation.apply`, `perturb`, `match_case`, Python's Random, and NLTK's `_morphy` over the full WordNet 3.0.
NLTK 3.8 (the anchor's) strips suffixes recursively; NLTK >= 3.9 does one pass (nltk/nltk#3225), which is what
`pip install crfm-helm==0.5.16` resolves today, so both are run (3.9's function is patched in, see _morphy39).

`wordnet_synonyms.json` could not be downloaded either. Its entries are rebuilt as HELM's file evidently holds
them: `"<lemma>:<pos>"` -> the lemma names, `_` -> ` `, of the lemma's synsets in WordNet's index order. That
rebuild reproduces HELM's own test (test_perturbation.py: test_synonym_perturbation), checked below.

Writes output/perturbations/synonym/{wordnet_synonyms.json, corpora/wordnet.zip}: only the entries, index lines
and exception lines the texts and MORPHY_WORDS can reach, so the results over the subset equal those over all of
WordNet; and helm-synonym-vectors.json.
"""
import json
import os
import zipfile
from random import Random

from nltk.corpus import wordnet
from nltk.corpus.reader.wordnet import WordNetCorpusReader

from helm.benchmark.augmentations.synonym_perturbation import SynonymPerturbation
from helm.benchmark.scenarios.scenario import Input, Instance

HERE = os.path.dirname(os.path.abspath(__file__))
POS = ["n", "v", "a", "s", "r"]
SUFFIX = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
MORPHY_WORDS = [
    "dogs", "churches", "aardwolves", "abaci", "book", "books", "geese", "teeth", "mice", "feet", "children", "oxen",
    "went", "saw", "ran", "better", "best", "worse", "happier", "fitter", "running", "hoped", "hopped", "lying",
    "ties", "flies", "goes", "does", "axes", "men", "women", "ladies", "leaves", "catss", "possesses", "ramesses",
    "iss", "anchoresses", "askeses", "offerings", "hardrock", "lest", "est", "glasses", "buses", "boxes", "wolves",
]
PROBS = [0.5, 1.0]
SEEDS = [None, 2]

NLTK38_MORPHY = WordNetCorpusReader._morphy


def _morphy39(self, form, pos, check_exceptions=True):
    """NLTK >= 3.9's _morphy: the exception list, else one pass of the suffix rules; no recursion."""
    exceptions = self._exception_map[pos]
    substitutions = self.MORPHOLOGICAL_SUBSTITUTIONS[pos]

    def apply_rules(forms):
        return [form[: -len(old)] + new for form in forms for old, new in substitutions if form.endswith(old)]

    def filter_forms(forms):
        result, seen = [], set()
        for form in forms:
            if form in self._lemma_pos_offset_map and pos in self._lemma_pos_offset_map[form] and form not in seen:
                result.append(form)
                seen.add(form)
        return result

    forms = exceptions[form] if check_exceptions and form in exceptions else apply_rules([form])
    return filter_forms([form] + forms)


def synonyms_entry(base, pos):
    """The rebuilt wordnet_synonyms.json entry of base:pos."""
    offsets = wordnet._lemma_pos_offset_map.get(base, {}).get(pos, [])
    synsets = [wordnet.synset_from_pos_and_offset("a" if pos == "s" else pos, offset) for offset in offsets]
    return [lemma.name().replace("_", " ") for synset in synsets for lemma in synset.lemmas()]


class Token:
    def __init__(self, text, pos, whitespace):
        self.text, self.pos_, self.whitespace_ = text, pos, whitespace


class TaggedModel:
    """Stands in for spacy.load("en_core_web_sm"): the tokens of tagged.json, with the text between them as whitespace_."""

    def __init__(self, texts, tagged):
        self.docs = {text: tokens for text, tokens in zip(texts, tagged)}

    def __call__(self, text):
        tokens = self.docs[text]
        first = tokens[0][1] if tokens else len(text)
        doc = [Token(text[:first], "SPACE", "")] if first > 0 else []
        for i, (token, start, pos) in enumerate(tokens):
            end = start + len(token)
            following = tokens[i + 1][1] if i + 1 < len(tokens) else len(text)
            doc.append(Token(token, pos, text[end:following]))
        return doc


def candidates(form, pos):
    """Every form _morphy could look up for form (NLTK 3.8's recursion included)."""
    seen = {form, *wordnet._exception_map[pos].get(form, [])}
    frontier = [form]
    while frontier:
        frontier = [f[: -len(old)] + new for f in frontier for old, new in wordnet.MORPHOLOGICAL_SUBSTITUTIONS[pos] if f.endswith(old)]
        seen.update(frontier)
    return seen


def main():
    with open(os.path.join(HERE, "texts.json")) as f:
        texts = json.load(f)["texts"]
    with open(os.path.join(HERE, "tagged.json")) as f:
        tagged = json.load(f)["tagged"]
    wordnet.ensure_loaded()
    forms = sorted({token[0].lower() for tokens in tagged for token in tokens} | set(MORPHY_WORDS))

    # The subset of WordNet that those forms can reach.
    lemmas = {c for form in forms for pos in POS for c in candidates(form, pos) if c in wordnet._lemma_pos_offset_map}
    corpus = os.path.join(os.environ["NLTK_DATA"], "corpora", "wordnet")
    files = {}
    for suffix in SUFFIX.values():
        with open(os.path.join(corpus, f"index.{suffix}")) as f:
            files[f"index.{suffix}"] = "".join(line for line in f if line.startswith(" ") or line.split()[0] in lemmas)
        with open(os.path.join(corpus, f"{suffix}.exc")) as f:
            files[f"{suffix}.exc"] = "".join(line for line in f if line.split()[0] in forms)

    morphy = {}
    synonyms = {}
    for name, implementation in [("nltk38", NLTK38_MORPHY), ("nltk39", _morphy39)]:
        WordNetCorpusReader._morphy = implementation
        morphy[name] = [[form, pos, wordnet._morphy(form, pos)] for form in forms for pos in POS]
        for form in forms:
            for pos in ["n", "v", "r", "s"]:
                for base in wordnet._morphy(form, pos):
                    synonyms[f"{base}:{pos}"] = synonyms_entry(base, pos)
    synonyms = dict(sorted(synonyms.items()))

    perturbation = object.__new__(SynonymPerturbation)
    perturbation.spacy_model = TaggedModel(texts, tagged)
    perturbation.wordnet_synonyms = synonyms
    results = {}
    for name, implementation in [("nltk38", NLTK38_MORPHY), ("nltk39", _morphy39)]:
        WordNetCorpusReader._morphy = implementation
        for prob in PROBS:
            perturbation.prob = prob
            results[f"{name} prob={prob}"] = [
                [perturbation.apply(Instance(Input(text=text), references=[], id=f"id{i}"), seed).input.text for seed in SEEDS]
                for i, text in enumerate(texts)
            ]
    # HELM's own test (spaCy's tags, which ours equal on this sentence): test_perturbation.py.
    assert results["nltk39 prob=1.0"][0][0] == "This was a near motion-picture show, would check once more."

    out = os.path.join(HERE, "output", "perturbations", "synonym")
    os.makedirs(os.path.join(out, "corpora"), exist_ok=True)
    with open(os.path.join(out, "wordnet_synonyms.json"), "w") as f:
        json.dump(synonyms, f)
    with zipfile.ZipFile(os.path.join(out, "corpora", "wordnet.zip"), "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in files.items():
            z.writestr(zipfile.ZipInfo(f"wordnet/{name}", date_time=(2006, 12, 1, 0, 0, 0)), text, zipfile.ZIP_DEFLATED)
    with open(os.path.join(HERE, "helm-synonym-vectors.json"), "w") as f:
        json.dump({
            "source": "HELM 0.5.16 SynonymPerturbation.apply (Instance id = id<i>, seeds None and 2) on texts.json, tokens "
                      "and tags from tagged.json in place of spaCy; NLTK 3.8's _morphy and NLTK 3.9's; make-helm-vectors.py",
            "results": results,
            "morphy": morphy,
        }, f, indent=1, ensure_ascii=False)
        f.write("\n")


if __name__ == "__main__":
    main()
