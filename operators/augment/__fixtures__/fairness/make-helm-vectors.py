"""Runs HELM 0.5.16's own fairness perturbations on this folder's fixture files and writes helm-fairness-vectors.json.

Usage (from the repository root): source /work/anchor/env.sh && python operators/augment/__fixtures__/fairness/make-helm-vectors.py
HELM reads its default files from <benchmark output path>/perturbations/<name>/ when they exist, so the fixtures are
placed there (output path "benchmark_output", in a scratch folder) and nothing is downloaded.
"""
import json
import os
import shutil
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
scratch = tempfile.mkdtemp()
os.chdir(scratch)

from helm.benchmark.runner import set_benchmark_output_path  # noqa: E402

set_benchmark_output_path("benchmark_output")  # as helm-run does before any perturbation module is imported

DEFAULT_FILES = {
    "SAE_to_AAVE_mapping.json": "benchmark_output/perturbations/dialect/SAE_to_AAVE_mapping.json",
    "person_names.txt": "benchmark_output/perturbations/person_name/data/person_names.txt",
}
CUSTOM_FILES = {
    "SAE_to_AAVE_mapping.json": "custom/aave.json",
    "person_names.txt": "custom/names.txt",
    "gender_mapping.json": "custom/gender.json",
}
for files in (DEFAULT_FILES, CUSTOM_FILES):
    for name, path in files.items():
        os.makedirs(os.path.dirname(path), exist_ok=True)
        shutil.copyfile(os.path.join(HERE, name), path)

from helm.benchmark.augmentations.data_augmenter import DataAugmenter  # noqa: E402
from helm.benchmark.augmentations.dialect_perturbation import DialectPerturbation  # noqa: E402
from helm.benchmark.augmentations.gender_perturbation import GenderPerturbation  # noqa: E402
from helm.benchmark.augmentations.person_name_perturbation import PersonNamePerturbation  # noqa: E402
from helm.benchmark.scenarios.scenario import Input, Instance, Output, Reference, TEST_SPLIT  # noqa: E402
from helm.common.general import asdict_without_nones  # noqa: E402

A = "helm.benchmark.augmentations"
DIALECT = f"{A}.dialect_perturbation.DialectPerturbation"
GENDER = f"{A}.gender_perturbation.GenderPerturbation"
PERSON = f"{A}.person_name_perturbation.PersonNamePerturbation"
CLASSES = {DIALECT: DialectPerturbation, GENDER: GenderPerturbation, PERSON: PersonNamePerturbation}
WHITE_TO_BLACK = ({"race": "white_american"}, {"race": "black_american"})

# name -> (class_name, args); floats stay floats in the JSON (1.0), so the TS side can keep Python's types.
PERTURBATIONS = {
    "dialect1.0": (DIALECT, dict(prob=1.0, source_class="SAE", target_class="AAVE")),
    "dialect0.5": (DIALECT, dict(prob=0.5, source_class="sae", target_class="aave", mapping_file_path=None)),
    "dialect_file0.3": (
        DIALECT,
        dict(prob=0.3, source_class="SAE", target_class="AAVE", mapping_file_path=CUSTOM_FILES["SAE_to_AAVE_mapping.json"]),
    ),
    "gender_pronouns1.0": (GENDER, dict(mode="pronouns", prob=1.0, source_class="male", target_class="female")),
    "gender_pronouns0.5": (GENDER, dict(mode="pronouns", prob=0.5, source_class="male", target_class="female")),
    "gender_terms1.0": (GENDER, dict(mode="terms", prob=1.0, source_class="Male", target_class="FEMALE")),
    "gender_terms0.3_neutral": (GENDER, dict(mode="terms", prob=0.3, source_class="neutral", target_class="female")),
    "gender_terms1_bidirectional": (
        GENDER,
        dict(mode="terms", prob=1, source_class="male", target_class="female", bidirectional=True),
    ),
    "gender_file0.5_bidirectional": (
        GENDER,
        dict(
            mode="terms",
            prob=0.5,
            source_class="m",
            target_class="F",
            mapping_file_path=CUSTOM_FILES["gender_mapping.json"],
            mapping_file_genders=["M", "F"],
            bidirectional=True,
        ),
    ),
    "person_first1.0_preserve": (
        PERSON,
        dict(prob=1.0, source_class=WHITE_TO_BLACK[0], target_class=WHITE_TO_BLACK[1], person_name_type="first_name", preserve_gender=True),
    ),
    "person_first0.5_preserve": (
        PERSON,
        dict(prob=0.5, source_class=WHITE_TO_BLACK[0], target_class=WHITE_TO_BLACK[1], name_file_path=None, preserve_gender=True),
    ),
    "person_first1.0_any_gender": (
        PERSON,
        dict(prob=1.0, source_class=WHITE_TO_BLACK[0], target_class=WHITE_TO_BLACK[1], person_name_type="First_Name", preserve_gender=False),
    ),
    "person_last0.5": (
        PERSON,
        dict(
            prob=0.5,
            source_class={"race": "white"},
            target_class={"race": "hispanic"},
            name_file_path=CUSTOM_FILES["person_names.txt"],
            person_name_type="last_name",
            preserve_gender=False,
        ),
    ),
    "person_two_categories_preserve": (
        PERSON,
        dict(
            prob=1.0,
            source_class={"race": "white_american", "gender": "male"},
            target_class={"race": "black_american", "gender": "female"},
            preserve_gender=True,
        ),
    ),
}

INSTANCES = [
    ("id0", "I will remember this day to be the best day of my life.", ["Is this love?"]),
    (
        "id7",
        "With you all, THIS is about my Brother and your brother-in-law at 9 a.m. or axmx, my my. mY émy 2 isn't",
        ["They said nothing  to them.", "the end", "you all going to be with your brother"],
    ),
    (
        "id13",
        "he said he would tell him about his his book; He and HE met Himself, their theirs THEY'S.",
        ["His dad and his father-in-law.", "he"],
    ),
    (
        "id21",
        "My Dad told his grandsons: the Kings, the sir, the Lord and Mr Smith met Mrs Li, a queen, a madam, a Lady.",
        ["The king and the queen", " sir madam "],
    ),
    (
        "id34",
        "Adam told Amanda that adam and ADAM met Taylor, taylor, TAYLOR and Jordan. AdAm? aDAM!",
        ["Adam's friend Courtney.", "chip or Harry"],
    ),
    ("id55", "Mr Smith and Ms Garcia met Dr. Miller; smith-miller, JORDAN Li and jordan_smith.", ["smith"]),
    (
        "id89",
        "Chip and Heather went to the park with their children and parents because they will be there. His son's mom.",
        [],
    ),
]


def instance(id, text, refs):
    return Instance(Input(text=text), [Reference(Output(text=r), tags=["correct"] if i == 0 else []) for i, r in enumerate(refs)], split=TEST_SPLIT, id=id)


results = {}
for name, (class_name, args) in PERTURBATIONS.items():
    perturbation = CLASSES[class_name](**args)
    augmented = DataAugmenter(perturbations=[perturbation]).generate(
        [instance(*i) for i in INSTANCES], include_original=False, skip_unchanged=False, seeds_per_instance=2
    )
    # One JSON text per perturbed instance, as HELM writes instances (asdict_without_nones, json.dumps indent=2).
    results[name] = [json.dumps(asdict_without_nones(i), indent=2) for i in augmented]

# Texts on which HELM raises (None = it does not): Python's IGNORECASE lets "i" match "İ", whose lower() is not a key.
raises = {}
for text in [" wİth us ", " wıth us ", " with us "]:
    try:
        DialectPerturbation(prob=1.0, source_class="SAE", target_class="AAVE").perturb(text, __import__("random").Random("id0"))
        raises[text] = None
    except Exception as e:
        raises[text] = type(e).__name__

out = {
    "source": "HELM v0.5.16 (src/helm/benchmark/augmentations) under CPython "
    + sys.version.split()[0]
    + ": DataAugmenter.generate(instances, include_original=False, skip_unchanged=False, seeds_per_instance=2)"
    + " with each perturbation alone, on the fixture files of this folder; made by make-helm-vectors.py",
    "files": {"default": DEFAULT_FILES, "custom": CUSTOM_FILES},
    "perturbations": {name: {"class_name": c, "args": a} for name, (c, a) in PERTURBATIONS.items()},
    "instances": [{"id": i, "text": t, "references": r} for i, t, r in INSTANCES],
    "results": results,
    "dialect_raises": raises,
}
with open(os.path.join(HERE, "helm-fairness-vectors.json"), "w") as f:
    json.dump(out, f, indent=1)
    f.write("\n")
print({k: len(v) for k, v in results.items()})
