"""What nltk 3.8 (the HELM anchor's Debian python3-nltk, with its English punkt model) makes of a few thousand texts.

For each text: word_tokenize(text) [`word`], sent_tokenize(text) [`sent`], an untrained
PunktSentenceTokenizer().tokenize(text) [`sent0`], NLTKWordTokenizer().tokenize(text) [`nltk`] and
TreebankWordTokenizer().tokenize(text) [`treebank`]. Texts: hand-written edge cases, seeded random strings
built from tricky pieces (abbreviations, initials, numbers, contractions, every kind of quote, dash and
whitespace, URLs, non-ASCII, emoji, CRLF), and real completions, references and passages from the golden
cases' scenario_state.json files (plus their lowercased forms, as HELM's bias metric tokenizes text.lower()).

usage: source /work/anchor/env.sh && python make-nltk-tokenize-vectors.py OUT.json.gz
"""
import glob
import gzip
import json
import os
import random
import sys

import nltk
from nltk.tokenize import NLTKWordTokenizer, TreebankWordTokenizer, sent_tokenize, word_tokenize
from nltk.tokenize.punkt import PunktSentenceTokenizer

assert nltk.__version__ == "3.8", nltk.__version__

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))

FIXED = [
    "", " ", "\n", " \n\t ", "\r\n", ".", "..", "...", "?", "!", "'", '"', "''", "``", "-", "--", "a", "A.",
    "Mr. Smith met Dr. Jones. They left.",
    "mr. smith met dr. jones. they left.",
    "J. K. Rowling wrote it. She is rich.",
    "He moved to the U.S. in 1990. Then he left.",
    "It cost $3.88 (roughly 3,36 euros)\nin New York.  Please buy me\ntwo of them.\nThanks.",
    "she said can't\nwe go. I don't know.",
    "he's\tfine and she'll\nbe here",
    "won't\r\ncan't\r\nshouldn't\r\n",
    "I cannot go, can't we? 'Tis fine; gonna wanna gimme more'n d'ye.",
    "a\u2014b x\u2013y p\u2012q r\u2015s -- t---u",
    "«quoted» “curly” ‘single’ „low“ ``tex'' \"plain\" 'single'",
    "He said, \"Stop.\" She did. (It was late.) Then?",
    "Very bad acting!!! I promise.",
    "(Sent1.) Sent2.",
    "Visit http://example.com/a.b?c=d&e=f. Or mail a.b@c.org.",
    "Call 555-1234 at 5:30 p.m. on Jan. 5. Okay?",
    "The U.S.A. and the U.K. agreed. e.g. this. i.e. that. etc. fine.",
    "naïve café—déjà vu… ΣΊΣΥΦΟΣ İstanbul straße",
    "Emoji 😀 test. 👍🏽 ok! 👨‍👩‍👧 family.",
    "中文句子。还有一个！ 日本語です。",
    "Numbers: 1,000.50 -3.5 10. 42. Then 3.",
    "What?! Really... yes.. no. . . ok.\"",
    "5:30, a:b, 1,000 x, y:",
    "[a] {b} <c> x--y *z* @#$%&",
    "it's 'hello' o'clock rock'n'roll 'a b",
    "line one.\n\nline two.\n\n\nline three",
    "No. 5 is St. Mary's. Gen. Lee won.",
    "\u00a0non-breaking\u00a0space. next\u2003em\u3000ideo.",
    "tab\tsep.\tNext\x0bvt.\x0cff\x1cfs.\x85nel\u2028ls\u2029ps",
]

ABBREVS = ["Mr.", "Mrs.", "Dr.", "St.", "Jan.", "Feb.", "Gen.", "Sen.", "Inc.", "Co.", "Corp.", "Ltd.", "vs.",
           "etc.", "e.g.", "i.e.", "U.S.", "U.K.", "a.m.", "p.m.", "No.", "Vol.", "Fig.", "Jr.", "Sr.", "Prof.",
           "Mt.", "Ave.", "Ill.", "Calif.", "ok.", "Ok.", "J.", "K.", "A.", "x.", "U.S.A.", "Ph.D."]
WORDS = ["the", "The", "a", "A", "she", "She", "he", "He", "it", "It", "was", "is", "said", "went", "home", "Smith",
         "London", "doctor", "nurse", "mother", "father", "Million", "million", "percent", "I", "we", "They",
         "however", "However", "but", "But", "in", "In", "cafe", "café", "naïve", "Über", "über", "ΣΙΣΥΦΟΣ",
         "σίσυφος", "İstanbul", "KELVIN", "straße", "Ǆemal", "ǅ", "ℂ", "ⅷ", "½", "x²", "٣", "中文", "日本", "한국어",
         "über-cool", "well-known", "e-mail", "non-U.S.", "co-op", "_under_", "snake_case", "camelCase", "ALLCAPS"]
NUMBERS = ["5", "5.", "3.88", "1,000", "1,000.50", "-3.5", "10", "42.", "1990", "12:30", "3/4", "2nd", "1st.",
           "100%", "$5", "€5", "5-6", ".5", ",5", "1.2.3", "0", "7.", "##"]
CONTRACTIONS = ["can't", "don't", "won't", "I'm", "she'll", "they've", "we're", "he'd", "it's", "It's", "CAN'T",
                "DON'T", "'tis", "'Twas", "gonna", "wanna", "gimme", "lemme", "gotta", "cannot", "Cannot", "d'ye",
                "more'n", "o'clock", "rock'n'roll", "y'all", "ma'am", "'em", "'bout", "'90s", "Smith's", "boys'",
                "'re", "n't", "'s", "'ll", "'LL", "'VE", "N'T"]
QUOTES = ['"', "'", "''", "``", "`", "«", "»", "“", "”", "‘", "’", "„", "‹", "›", "「", "」"]
PUNCT = [".", ",", ";", ":", "?", "!", "...", "..", "....", ". . .", "…", "-", "--", "---", "—", "–", "‒", "―",
         "(", ")", "[", "]", "{", "}", "<", ">", "*", "@", "#", "$", "%", "&", "/", "\\", "|", "~", "^", "+", "=",
         "?!", "!!", "?)", ".)", '."', ".'", ".”", ".’", ".»", ".]", "!\"", "?'", ",\"", ":)", ";-)"]
SPECIAL = ["http://example.com/a.b?c=d&e=f", "https://x.org/path.", "www.site.com.", "a.b@c.org",
           "file.txt", "v1.2.3", "3.14.", "😀", "👍🏽", "👨‍👩‍👧", "🇺🇸", "\u200b", "\u00ad", "\ufeff", "#hashtag",
           "@user", "C++", "C#", ".NET", "Node.js", "...and", "end.", "Start", "\u0301", "e\u0301"]
SPACES = [" "] * 12 + ["  ", "\t", "\n", "\r\n", "\n\n", " \n ", "\r", "\u00a0", "\u2003", "\u3000", "\x0b", "\x0c",
                       "\x1c", "\x85", "\u2028", "\u202f", ""]
POOLS = [(ABBREVS, 3), (WORDS, 10), (NUMBERS, 2), (CONTRACTIONS, 2), (QUOTES, 2), (PUNCT, 4), (SPECIAL, 1)]


def random_text(rng):
    pieces = []
    for _ in range(rng.randint(1, 18)):
        pool = rng.choices([p for p, _ in POOLS], weights=[w for _, w in POOLS])[0]
        pieces.append(rng.choice(pool))
        pieces.append(rng.choice(SPACES))
    if rng.random() < 0.5:
        pieces.pop()  # no trailing separator
    text = "".join(pieces)
    return text.lower() if rng.random() < 0.25 else text


# The cases whose texts are sampled, pinned so that the fixture does not change as cases are added.
OWN_CASES = """oracle-babi-qa-task1 oracle-bbq-all oracle-big-bench-gen-subtask oracle-bold-all oracle-boolq-canonical
oracle-civil-comments-all oracle-empatheticdialogues oracle-legal-support oracle-narrative-qa oracle-natural-qa-closedbook
oracle-natural-qa-openbook-wiki oracle-news-qa oracle-pubmed-qa oracle-quac oracle-raft-tai-safety
oracle-real-toxicity-prompts oracle-the-pile-windows oracle-truthful-qa-joint oracle-twitter-aae-aa
oracle-wikifact-author oracle-wikitext-103""".split()
GOLDEN_CASES = ["imdb", "natural-qa-openbook-longans", "the-pile-ubuntu-irc", "synthetic-reasoning-pattern-match",
                "oracle-suite-small"]


def golden_texts(rng, limit):
    """Completions, references and (cut) inputs from the golden cases, as HELM's metrics see them."""
    texts = set()
    paths = []
    for name in GOLDEN_CASES:
        paths += sorted(glob.glob(os.path.join(ROOT, "..", "shared", "golden", "helm-0.5.16", name, "helm", "**", "scenario_state.json"), recursive=True))
    for name in OWN_CASES:
        paths += sorted(glob.glob(os.path.join(ROOT, "pipelines", "__fixtures__", "helm-cases", name, "helm", "**", "scenario_state.json"), recursive=True))
    assert len(paths) == len(OWN_CASES) + len(GOLDEN_CASES) + 3, len(paths)
    for path in paths:
        with open(path) as f:
            state = json.load(f)
        for rs in state["request_states"]:
            for c in (rs.get("result") or {}).get("completions", []):
                texts.add(c["text"])
            for r in rs["instance"]["references"]:
                texts.add(r["output"]["text"])
            text = rs["instance"]["input"]["text"]
            start = rng.randrange(max(1, len(text) - 400))
            texts.add(text[start:start + 400])
    chosen = rng.sample(sorted(texts), min(limit, len(texts)))
    return chosen + [t.lower() for t in chosen[: limit // 3]]


def main():
    rng = random.Random(20240516)
    texts = list(FIXED) + [t.lower() for t in FIXED]
    texts += [random_text(rng) for _ in range(2500)]
    texts += golden_texts(rng, 600)
    seen, unique = set(), []
    for t in texts:
        if t not in seen:
            seen.add(t)
            unique.append(t)
    nltk_tok, treebank, untrained = NLTKWordTokenizer(), TreebankWordTokenizer(), PunktSentenceTokenizer()
    cases = [{
        "text": t,
        "word": word_tokenize(t),
        "sent": sent_tokenize(t),
        "sent0": untrained.tokenize(t),
        "nltk": nltk_tok.tokenize(t),
        "treebank": treebank.tokenize(t),
    } for t in unique]
    data = json.dumps({"nltk": nltk.__version__, "cases": cases}, ensure_ascii=False).encode("utf-8")
    with open(sys.argv[1], "wb") as f:
        f.write(gzip.compress(data, compresslevel=9, mtime=0))
    print(f"{len(cases)} cases -> {sys.argv[1]}")


if __name__ == "__main__":
    main()
