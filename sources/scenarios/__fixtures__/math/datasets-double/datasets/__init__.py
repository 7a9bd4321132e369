"""A test double of Hugging Face `datasets` for HELM's MATHScenario only, written for this comparison:
load_dataset("hendrycks/competition_math", trust_remote_code=True, cache_dir, revision) reads
<cache_dir>/hendrycks___competition_math/<revision>/MATH/<split>/*/* as the loading script competition_math.py does
(one JSON object per file; glob order taken as sorted names, the order the TypeScript source uses), and
DatasetDict.sort(column) / .shuffle(seed) as datasets does them: a stable sort by the column (Arrow compares
UTF-8 bytes, i.e. code points, as Python's str order) and np.random.default_rng(seed).permutation per split."""
import glob, json, os
import numpy as np


class Dataset:
    def __init__(self, rows):
        self.rows = rows

    def __len__(self):
        return len(self.rows)

    def __iter__(self):
        return iter([dict(r) for r in self.rows])

    def sort(self, column):
        return Dataset(sorted(self.rows, key=lambda r: r[column]))

    def shuffle(self, seed):
        perm = np.random.default_rng(seed).permutation(len(self.rows))
        return Dataset([self.rows[i] for i in perm])


class DatasetDict(dict):
    def sort(self, column):
        return DatasetDict({k: v.sort(column) for k, v in self.items()})

    def shuffle(self, seed):
        return DatasetDict({k: v.shuffle(seed) for k, v in self.items()})


def load_dataset(path, trust_remote_code, cache_dir, revision):
    assert path == "hendrycks/competition_math"
    math_dir = os.path.join(cache_dir, "hendrycks___competition_math", revision, "MATH")
    splits = {}
    for split in ("train", "test"):
        rows = []
        paths = glob.glob(os.path.join(math_dir, split, "*", "*"))
        for filepath in sorted(paths, key=lambda p: (os.path.basename(os.path.dirname(p)), os.path.basename(p))):
            with open(filepath, "rb") as fin:
                example = json.load(fin)
            rows.append({k: str(example[k]) for k in ("problem", "level", "type", "solution")})
        splits[split] = Dataset(rows)
    return DatasetDict(splits)
