"""A stand-in for the loading script of hendrycks/competition_math, written for these tests: only the name of the
archive, in the script's own form (a path relative to the dataset repository)."""

_URL = "data/MATH.zip"
