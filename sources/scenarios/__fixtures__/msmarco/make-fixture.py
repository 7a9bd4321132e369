"""Writes a small MS MARCO fixture in HELM's cache layout (data/*.tsv). Synthetic text of our own, not real data."""
import random, os
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")
r = random.Random(7)
words = "bear weighs pounds river bank account online open money drops bottle eye ml kernel source python city capital population coffee tea".split()
def sent(n): return " ".join(r.choice(words) for _ in range(n))
docids = list(range(100, 190)) + [5000, 7, 42]
r.shuffle(docids)
with open(f"{out}/documents.tsv", "w", newline="") as f:
    for i, d in enumerate(docids):
        text = f"Passage {d}: {sent(6)}."
        if i == 3: text = '"Quoted passage, with a\ttab" and more'
        if i == 5: text = 'He said "hi" é日'
        f.write(f"{d}\t{text}\n")
    f.write(f"{docids[10]}\tA later row for the same id: its text wins.\n")
train_q = [11, 12, 13, 14, 15, 16, 17, 18, 19, 20]
with open(f"{out}/train_queries.tsv", "w") as f:
    for q in train_q: f.write(f"{q}\ttrain question {q} {sent(3)}\n")
qrels, topk = [], []
for q in train_q:
    if q == 13: continue  # no qrels
    gold = r.sample(docids[:60], 2 if q == 15 else 1)
    for g in gold: qrels.append((q, g, 1))
    if q == 16: qrels.append((q, r.choice(docids[60:]), 0))
    n = 12 if q == 14 else 22  # 14: fewer than 20 top-k passages
    cands = r.sample(docids, n)
    for rank, d in enumerate(cands, 1): topk.append((q, d, rank))
with open(f"{out}/train_qrels.tsv", "w") as f:
    for q, d, rel in qrels: f.write(f"{q}\t0\t{d}\t{rel}\n")
with open(f"{out}/train_topk.tsv", "w") as f:
    for q, d, k in topk: f.write(f"{q}\t{d}\t{k}\n")
# regular track
reg_q = [301, 302, 303, 304, 305, 306, 307]
with open(f"{out}/regular_queries.tsv", "w") as f:
    for q in reg_q: f.write(f"{q}\tregular question {q} {sent(3)}\n")
rq, rt = [], []
for q in reg_q:
    if q == 303: continue
    for g in r.sample(docids, 2 if q == 305 else 1): rq.append((q, g, 1))
    n = 9 if q == 306 else 14
    for rank, d in enumerate(r.sample(docids, n), 1): rt.append((q, d, rank))
with open(f"{out}/regular_qrels.tsv", "w") as f:
    for q, d, rel in rq: f.write(f"{q}\t0\t{d}\t{rel}\n")
with open(f"{out}/regular_topk.tsv", "w") as f:
    for q, d, k in rt: f.write(f"{q}\t{d}\t{k}\n")
# trec track: qrels space-separated with relevance 0..3
trec_q = [401, 402, 403, 404, 405]
with open(f"{out}/trec_queries.tsv", "w") as f:
    for q in trec_q: f.write(f"{q}\ttrec question {q} {sent(3)}\n")
tq, tt = [], []
for q in trec_q:
    judged = r.sample(docids, 6)
    rels = [r.choice([0, 1, 2, 3]) for _ in judged]
    if q == 403: rels = [0, 1, 1, 0, 1, 0]  # no gold (2 or 3)
    for d, rel in zip(judged, rels): tq.append((q, d, rel))
    n = 10 if q == 405 else 13
    for rank, d in enumerate(r.sample(docids, n), 1): tt.append((q, d, rank))
with open(f"{out}/trec_qrels.tsv", "w") as f:
    for q, d, rel in tq: f.write(f"{q} Q0 {d} {rel}\n".replace("Q0", "0"))
with open(f"{out}/trec_topk.tsv", "w") as f:
    for q, d, k in tt: f.write(f"{q}\t{d}\t{k}\n")
