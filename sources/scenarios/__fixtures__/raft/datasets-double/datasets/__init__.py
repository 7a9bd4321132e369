"""A test double of Hugging Face `datasets` 3.x for HELM's RAFTScenario only, written for this comparison:
load_dataset("ought/raft", subset, cache_dir, split="train", revision) reads <cache_dir>/ought___raft/<revision>/
raft.py (its TASKS table) and data/<subset>/train.csv as raft.py's _generate_examples and Features.encode_example
would (csv.reader QUOTE_ALL skipinitialspace; Value(string) → str, Value(int32) → int, ClassLabel.str2int), and
Dataset.train_test_split(test_size, seed) as datasets does (np.random.default_rng(seed).permutation)."""
import ast, csv, math, os
import numpy as np


class ClassLabel:
    def __init__(self, names):
        self.names = list(names)
        self.num_classes = len(self.names)

    def encode(self, value):
        if value is None:
            return None
        value = str(value)
        if value in self.names:
            return self.names.index(value)
        if value.strip() in self.names:
            return self.names.index(value.strip())
        i = int(value)
        if i < -1 or i >= self.num_classes:
            raise ValueError(f"Invalid string class label {value}")
        return i

    def int2str(self, v):
        if not 0 <= v < self.num_classes:
            raise ValueError(f"Invalid integer class label {v:d}")
        return self.names[v]


class Dataset:
    def __init__(self, rows, features):
        self.rows, self.features = rows, features

    def __len__(self):
        return len(self.rows)

    def __iter__(self):
        return iter([dict(r) for r in self.rows])

    def train_test_split(self, test_size=None, seed=None):
        n = len(self.rows)
        n_test = math.ceil(test_size * n)
        n_train = n - n_test
        if n_train == 0:
            raise ValueError("the resulting train set will be empty")
        perm = np.random.default_rng(seed).permutation(n)
        test, train = perm[:n_test], perm[n_test:n_test + n_train]
        return {"train": Dataset([self.rows[i] for i in train], self.features), "test": Dataset([self.rows[i] for i in test], self.features)}


def load_dataset(path, name, cache_dir, split, revision):
    assert path == "ought/raft" and split == "train"
    repo = os.path.join(cache_dir, "ought___raft", revision)
    with open(os.path.join(repo, "raft.py"), encoding="utf-8") as f:
        tree = ast.parse(f.read())
    tasks = next(ast.literal_eval(n.value) for n in tree.body if isinstance(n, ast.Assign) and n.targets[0].id == "TASKS")
    task = tasks[name]
    label = ClassLabel(["Unlabeled"] + task["label_columns"]["Label"])
    features = {"Label": label}
    rows = []
    with open(os.path.join(repo, "data", name, "train.csv"), encoding="utf-8") as f:
        reader = csv.reader(f, quotechar='"', delimiter=",", quoting=csv.QUOTE_ALL, skipinitialspace=True)
        columns = next(reader)
        for row in reader:
            raw = dict(zip(columns, row))
            x = {}
            for col in task["data_columns"]:
                v = raw.get(col)
                x[col] = None if v is None else (int(v) if col == "ID" else str(v))
            x["Label"] = label.encode(raw.get("Label"))
            rows.append(x)
    return Dataset(rows, features)


def _unavailable(*args, **kwargs):
    raise RuntimeError("this double of `datasets` only serves RAFTScenario")


class DatasetDict(dict):
    pass


load_from_disk = _unavailable
concatenate_datasets = _unavailable
IterableDataset = Dataset


def __getattr__(name):
    return _unavailable
