"""Writes the summarization fixtures: small pickles in the layout of HELM's xsum.pk, xsum-sampled.pk and cnndm.pk
({"train": [...], "validation": [...], "test": [...]}, each example a dict as the Hugging Face datasets give it).
Made-up news text, NOT real data. Run with the anchor's python: python make_fixtures.py data/"""
import pickle, random, sys

out = sys.argv[1]
rng = random.Random(0)
WORDS = ("council police minister said would report year people government club match school water "
         "hospital market plans workers festival city river money season road children court").split()
ODD = ["U.S.", "don't", "it's", "Mr.", "3.5%", "£20m", "e-mail", "(BBC)", '"quoted"', "well-known", "10:30",
       "1990s", "Dr.", "can't", "--", "e.g.", "O'Neill", "#hashtag", "www.bbc.co.uk", "5km", "A&E", "...", "'s"]

def sentence(n):
    words = [rng.choice(WORDS) if rng.random() > 0.2 else rng.choice(ODD) for _ in range(n)]
    return " ".join(words).capitalize() + rng.choice([".", ".", "!", "?"])

def text(num_words, newlines=True):
    parts, total = [], 0
    while total < num_words:
        n = min(rng.randint(5, 14), num_words - total)
        parts.append(sentence(n))
        total += n
    joiner = lambda i: "\n" if newlines and i % 3 == 2 else ("  " if i % 5 == 4 else " ")
    return "".join(p + (joiner(i) if i < len(parts) - 1 else "") for i, p in enumerate(parts))

def ex(keys, article_words, summary_words, i, extra=""):
    article = text(article_words) + extra
    return {keys[0]: article, keys[1]: text(summary_words, newlines=False), "id": str(30000000 + i)}

def dataset(keys, xsum_cases):
    train = [ex(keys, rng.randint(55, 140), rng.randint(12, 20), i) for i in range(8)]
    train += [
        ex(keys, 40, 14, 100),            # under sampling_min_length (50 words): dropped
        ex(keys, 160, 14, 101),           # over sampling_max_length (150 words): dropped
        ex(keys, 700, 14, 102),           # truncated to 512, still over 150: dropped
    ]
    if xsum_cases:
        train += [
            ex(keys, 80, 14, 103, " Media playback is unsupported on your device"),  # xsum filter
            ex(keys, 80, 14, 104, " Last updated at 12:00"),                          # xsum filter
            ex(keys, 80, 9, 105),                                                     # summary <= 10 words
            ex(keys, 55, 13, 106),                                                    # summary > 20% of article
        ]
    train += [ex(keys, rng.randint(60, 120), rng.randint(12, 18), 200 + i) for i in range(3)]
    validation = [ex(keys, rng.randint(60, 120), 15, 300 + i) for i in range(2)]
    test = [ex(keys, 600, 25, 400)] + [ex(keys, rng.randint(60, 200), rng.randint(12, 30), 401 + i) for i in range(5)]
    return {"train": train, "validation": validation, "test": test}

for tag, keys, xsum_cases in [("xsum", ("document", "summary"), True), ("xsum-sampled", ("document", "summary"), True),
                              ("cnndm", ("article", "highlights"), False)]:
    with open(f"{out}/{tag}.pk", "wb") as f:
        pickle.dump(dataset(keys, xsum_cases), f, protocol=4)

# The XSum fixture again with its splits in another order (test, validation, train): HELM reads them by key, so
# its instances are those of data/xsum.pk.
import os
os.makedirs(f"{out}/../reordered/data", exist_ok=True)
with open(f"{out}/xsum.pk", "rb") as f:
    xsum = pickle.load(f)
with open(f"{out}/../reordered/data/xsum.pk", "wb") as f:
    pickle.dump({k: xsum[k] for k in ("test", "validation", "train")}, f, protocol=4)
