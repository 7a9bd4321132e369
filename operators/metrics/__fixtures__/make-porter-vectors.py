"""Porter stems from nltk 3.8 (PorterStemmer(), NLTK_EXTENSIONS) for every word of HELM 0.5.16's .md/.py/.yaml
files, the examples of Porter's paper and nltk's docstrings, and a few mixed-case and non-ASCII words.
usage: python make-porter-vectors.py porter-nltk-3.8.json.gz   (HELM's git mirror at REPO)
"""
import gzip, json, re, subprocess, sys
from nltk.stem.porter import PorterStemmer
repo = "/work/.mirror/stanford-crfm+helm/repo"
C = "63754d05db6f874e41a395880fb573890a13e791"
files = subprocess.run(["git", "-C", repo, "ls-tree", "-r", "--name-only", C], capture_output=True, text=True).stdout.split()
words = set()
for f in files:
    if not (f.endswith(".md") or f.endswith(".py") or f.endswith(".yaml")): continue
    txt = subprocess.run(["git", "-C", repo, "show", f"{C}:{f}"], capture_output=True, text=True).stdout
    words.update(w.lower() for w in re.findall(r"[A-Za-z]+", txt))
paper = """caresses ponies ties caress cats feed agreed plastered bled motoring sing conflated troubled sized hopping tanned falling hissing fizzed failing filing happy sky relational conditional rational valenci hesitanci digitizer conformabli radicalli differentli vileli analogousli vietnamization predication operator feudalism decisiveness hopefulness callousness formaliti sensitiviti sensibiliti triplicate formative formalize electriciti electrical hopeful goodness revival allowance inference airliner gyroscopic adjustable defensible irritant replacement adjustment dependent adoption homologou communism activate angulariti homologous effective bowdlerize probate rate cease controll roll dying lying tying news innings inning outings outing cannings canning howe proceed exceed succeed skies spied tried flies enjoy enjoyment spy fly try dies lies ties died lied tied generalization generalizations oscillators archaeology analogically fully beautifully hopefully""".split()
words.update(paper)
words = sorted(w for w in words if len(w) > 0)
extra = ["Running", "SKIES", "Skies", "naïve", "café", "Caresses", "a", "at", "is", "y", "yy", "ay", "ey", "ied", "ies", "eed", "ing", "ed", "bed", "aed", "ying", "yying", "syzygy", "toy", "𝒜bcing", "ab𝒜ly"]
st = PorterStemmer()
out = [[w, st.stem(w)] for w in words + extra]
with gzip.open(sys.argv[1], "wt", encoding="utf-8") as f:
    json.dump(out, f, ensure_ascii=False, separators=(",", ":"))
print(len(out), sum(1 for w, s in out if w != s))
