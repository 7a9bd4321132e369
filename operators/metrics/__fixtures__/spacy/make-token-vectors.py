"""Token vectors for the spaCy tokenizer port: texts and spaCy's `[t.text for t in nlp(text)]` with spacy.blank("en")
(en_core_web_sm's tokenizer rules). Hand-picked tricky texts, then seeded random strings over a pool of letters,
digits, punctuation, quotes, symbols, emoji and whitespace.

    python make-token-vectors.py token-vectors.json        (needs spaCy)
"""
import json, random, sys
import spacy

nlp = spacy.blank("en")
TRICKY = [
    "Mr. Smith can't go to the U.S. today -- he's ill.  Really?\n(See http://x.com/a, e-mail.) $5.00 3km 10:30am",
    ":) (:) :-( <3 ^_^ (a.m.) 5 p.m.). a.m.) 'em y'all o'clock Ol' 'cause",
    "U.K.'s N.Y.C. e.g. i.e., etc. vs. Jan. Feb. No. 5 St. Louis Ph.D. Dr. Mrs. Ms.",
    "don't DON'T Don't won't shan't I'm I'M you're they'd we'll it's 's 'S 'll 'd n't",
    "$3.5bn £20m €5 ¥100 10kg 5km/h 100% 3/4 1990s 10-15 -5 +44 2+2=4 °C 37°C 1,000,000",
    "hello.World end.\" (hello) [x] {y} <tag> a--b a---b ... !!! ?? ?! #hashtag @user C++ A&E",
    "www.bbc.co.uk https://example.com/path?q=1&x=2#frag user@example.com ftp://a.b 192.168.0.1 http://10.0.0.1",
    "“Curly” ‘quotes’ «guillemets» — em dash – en dash … ellipsis ‚low‘ „low“ naïve café Zürich",
    "中文字符。日本語、テスト！ 한국어 Привет, мир! مرحبا 😀👍🏽 emoji🙂text",
    "  leading and trailing  \n\n tabs\tand\t\tmore \u00a0nbsp\u2009thin\r\nwindows  ",
    "a\n\n b", "x \n y", " ", "", "\n", "   ", "word", ".", "'", "''", "\"\"", "-", "--", "...", "a.", ".a", "a'", "'a",
    "e-mail-address well-known state-of-the-art 1-800-555 3-D co-op re-enter",
    "It's 5 o'clock.\"  'Yes,' she said.  (It was.)  [Citation needed.]",
    "The U.S. and U.K. agreed. The E.U. didn't.",
    "won't've can't've y'all'd 'twas gonna gotta wanna lemme",
]
rng = random.Random(0)
POOL = list("abcXYZ019.,:;!?'\"()[]{}<>-–—/\\@#$%^&*_+=~`|…“”‘’«»°£€§ \n\t") + ["'s", "n't", "U.S.", "e.g.", ":)", "a.m.", "http://x.io", " ", "  ", "Mr.", "St.", "10", "km", "😀", "é"]
FUZZ = ["".join(rng.choice(POOL) for _ in range(rng.randint(1, 25))) for _ in range(1500)]
out = {"_about": f"spaCy {spacy.__version__} spacy.blank('en') token texts (make-token-vectors.py)",
       "vectors": [[text, [t.text for t in nlp(text)]] for text in TRICKY + FUZZ]}
with open(sys.argv[1], "w", encoding="utf-8") as f:
    json.dump(out, f, ensure_ascii=False, indent=0)
    f.write("\n")
