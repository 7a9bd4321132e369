"""Runs one program written by a model against its problem's tests, for the code metrics of helm-stream.

Started by operators/metrics/code-sandbox.ts in a throw-away working directory, under CPU, memory and file-size
limits and (where the system allows) without a network. It reads one job as JSON on stdin and writes one JSON
line on file descriptor 3:

  {"kind": "humaneval", "problem": {...}, "completion": "...", "timeout": 3.0}
      -> {"passed": true|false, "result": "passed" | "timed out" | "failed: ..."}
  {"kind": "apps", "root": "/abs/problem/folder", "code": "...", "timeout": 3, "timeout_is_float": false}
      -> {"scores": [1.0, 0.0, ...], "results": ["True", "-1", ...]}

The checks are HELM 0.5.16's (`metrics/code_metrics_helper.py`: `check_correctness` for HumanEval, `run_test`
for APPS, both taken by HELM from the HumanEval and APPS code), so that a program passes here exactly when it
passes in HELM. Nothing is written on fd 3 when the run itself fails (HELM's child process dying): the caller
then scores the program as HELM does in that case.

The checks live in human_eval_check.py and apps_tests.py, the audit hook in sandbox_guard.py. Before the
program runs, a Python audit hook (PEP 578) is installed that refuses sockets, new processes,
native code loaded through ctypes, and any write, removal or renaming outside the working directory. It is a
second line of defence behind the operating system's limits, not a security boundary of its own.
"""

import io
import json
import os
import signal
import sys

import apps_tests
import human_eval_check
import sandbox_guard

RESULT_FD = 3


def main():
    channel = os.fdopen(RESULT_FD, "w")
    job = json.loads(sys.stdin.read())
    sys.stdin = io.StringIO("")  # the real stdin is closed to the program
    signal.signal(signal.SIGALRM, apps_tests.on_alarm)
    import numpy  # noqa: F401 - loaded before the guard: APPS programs start with `import numpy as np`

    sandbox_guard.install(os.getcwd())
    outcome = human_eval_check.check(job) if job["kind"] == "humaneval" else apps_tests.run(job)
    channel.write(json.dumps(outcome) + "\n")
    channel.flush()


if __name__ == "__main__":
    main()
