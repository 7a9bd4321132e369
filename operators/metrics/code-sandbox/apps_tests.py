"""APPS as HELM 0.5.16 tests a program (`code_metrics_helper.run_test`, from the APPS code): the program is loaded
as a module (a standard-input program wrapped in a `code()` function), then called on each test input under
`signal.alarm`, its result or printed lines compared with the expected output in HELM's successive ways (as
text, stripped, as numbers, as sets of words). See harness.py."""
import contextlib
import faulthandler
import gc
import io
import json
import os
import signal
import sys
from unittest.mock import mock_open, patch


# What HELM puts before every program.
_APPS_PREAMBLE = (
    "import sys\nimport time\nimport itertools\nfrom itertools import accumulate, product, permutations, "
    "combinations\nimport collections\nfrom collections import Counter, OrderedDict, deque, defaultdict, "
    "ChainMap\nfrom functools import lru_cache\nimport math\nfrom math import sqrt, sin, cos, tan, ceil, "
    "fabs, floor, gcd, exp, log, log2\nimport fractions\nfrom typing import List, Tuple\nimport numpy as "
    "np\nimport random\nimport heapq\nfrom heapq import *\n"
)
_COMPILE_ERROR, _RUNTIME_ERROR, _NO_FUNCTION = -2, -1, -3


class _AppsTimeout(Exception):
    pass


def on_alarm(signum, frame):
    raise _AppsTimeout


def _as_module(source):
    """HELM's RuntimeModule.from_string: the source executed as the body of a fresh module."""
    module = type(sys)("tmp_sol", "")
    exec(source, module.__dict__)
    return module


def _standard_input_program(code):
    """The program as one function, `code()`, which reads stdin and writes stdout; import lines stay at the top."""
    is_import = lambda line: line.startswith("from ") or line.startswith("import ")  # noqa: E731
    lines = [line + "\n" if is_import(line) else "\t" + line + "\n" for line in code.split("\n")]
    program, started = "", False
    for line in lines:
        if line.startswith("\t") and not started:
            program += "stdin = sys.stdin\nstdout = sys.stdout\ndef code():\n" + line
            started = True
        elif started and is_import(line):
            program += "\t" + line
        else:
            program += line
    return program


class _Captured(list):
    """The lines a call printed (HELM's Capturing)."""

    def __enter__(self):
        self._saved = sys.stdout
        self._buffer = io.StringIO()
        # Closing it must not lose what was printed. HELM's stand-in takes one argument, so a program calling
        # sys.stdout.close() gets a TypeError (a runtime error), here too.
        self._buffer.close = lambda x: 1
        sys.stdout = self._buffer
        return self

    def __exit__(self, *args):
        self.extend(self._buffer.getvalue().splitlines())
        del self._buffer
        sys.stdout = self._saved


def _call_with_stdin(function, text):
    """Calls `function()` with `text` as its standard input (and as any file it opens), as HELM's call_method does."""
    if isinstance(text, list):
        text = "\n".join(text)
    lines = iter(text.split("\n"))

    @patch("builtins.open", mock_open(read_data=text))
    @patch("sys.stdin", io.StringIO(text))
    @patch("sys.stdin.readline", lambda *args: next(lines))
    @patch("sys.stdin.readlines", lambda *args: text.split("\n"))
    @patch("sys.stdin.read", lambda *args: text)
    def call(f):
        try:
            return f()
        except SystemExit:
            pass

    return call(function)


def _same_stripped(output, expected):
    """HELM's custom_compare_: the printed lines, joined (and each stripped, then joined), equal the expected text stripped."""
    if not isinstance(output, list):
        return False
    for lines in (output, [line.strip() for line in output]):
        if "\n".join(lines).strip() == expected.strip():
            return True
    return False


def _equal_or_listed(output, expected):
    """`output == [expected]`, or for a list `output == expected` (HELM's recurring check)."""
    result = output == [expected]
    if isinstance(expected, list):
        result = result or (output == expected)
    return result


def _judge_printed(output, outputs, index):
    """Whether printed `output` answers test `index` (outputs[index] is rewritten on the way, as HELM does); None
    when HELM records nothing for the test (a comparison that raised at the set stage)."""
    import numpy as np

    if _same_stripped(output, outputs[index]):
        return True
    verdict = False
    try:
        verdict = _equal_or_listed(output, outputs[index])
        if isinstance(outputs[index], list) and isinstance(output[0], str):
            verdict = verdict or ([line.strip() for line in output] == outputs[index])
    except Exception:
        pass
    if verdict is True:
        return True
    # Without empty lines and surrounding spaces.
    if isinstance(outputs[index], list):
        outputs[index] = [[x.strip() for x in item.split("\n") if x] for item in outputs[index]]
    else:
        outputs[index] = [x.strip() for x in outputs[index].split("\n") if len(x)]
    try:
        verdict = _equal_or_listed(output, outputs[index])
    except Exception:
        pass
    if verdict is True:
        return True
    if isinstance(output, list):
        output = [line for line in output if len(line)]
    try:
        verdict = _equal_or_listed(output, outputs[index])
    except Exception:
        pass
    # As numbers.
    try:
        got, want = [float(e) for e in output], [float(e) for e in outputs[index]]
        verdict = verdict or (len(got) == len(want) and np.allclose(got, want))
    except Exception:
        pass
    try:
        if isinstance(output[0], list):
            got, want = [float(e) for e in output[0]], [float(e) for e in outputs[index][0]]
            verdict = verdict or (len(got) == len(want) and np.allclose(got, want))
    except Exception:
        pass
    if isinstance(verdict, bool) and verdict:
        return True
    # As sets of words.
    if isinstance(outputs[index], list):
        outputs[index] = [set(item.split()) for item in outputs[index]]
    else:
        outputs[index] = set(outputs[index].split())
    try:
        verdict = output == outputs[index]
    except Exception:
        return None
    if isinstance(verdict, bool) and verdict:
        return True
    if isinstance(output, list):
        output = [set(words) for words in (line.split() for line in output) if len(words)]
    else:
        output = set(x for x in output.split() if len(x))
    try:
        verdict = set(frozenset(s) for s in output) == set(frozenset(s) for s in outputs[index])
    except Exception:
        pass
    try:
        rounded = lambda sets: set(frozenset(round(float(t), 3) for t in s) for s in sets)  # noqa: E731
        verdict = verdict or (rounded(output) == rounded(outputs[index]))
    except Exception:
        pass
    return verdict


def _judge_returned(method, inputs, expected):
    """A call-based test: the function's result equals the expected value (a tuple read as a list)."""
    output = method(*inputs)
    if isinstance(output, tuple):
        output = list(output)
    verdict = output == expected
    if isinstance(expected, list) and expected:
        verdict = verdict or (output == expected[0])
    try:
        if isinstance(output[0], tuple):
            verdict = verdict or ([list(x) for x in output] == expected[0])
    except BaseException:  # HELM's bare except
        pass
    return verdict


def _int_keys(value):
    return {int(k): v for k, v in value.items()}


def _run_tests(root, code, timeout):
    """HELM's run_test: per test True/False, -1 (runtime error or timeout), or a single -2 / -3 (no program to call)."""
    with open(os.path.join(root, "input_output.json")) as f:
        tests = json.load(f)
    call_based = tests.get("fn_name") is not None
    if call_based:
        name, program = tests["fn_name"], _APPS_PREAMBLE + code
    else:
        name, program = "code", _APPS_PREAMBLE + _standard_input_program(code)
    signal.alarm(timeout)
    try:
        module = _as_module(program)
        target = module.Solution() if call_based and "class Solution" in code else module
    except Exception:
        signal.alarm(0)
        return [_COMPILE_ERROR]
    signal.alarm(0)
    try:
        method = getattr(target, name)
    except BaseException:
        signal.alarm(0)
        return [_NO_FUNCTION]

    results, outputs = [], tests["outputs"]
    for index, inputs in enumerate(tests["inputs"]):
        gc.collect()
        # JSON keys are strings: a dict in a one-element list gets its int keys back.
        with contextlib.suppress(Exception):
            if isinstance(inputs[0], dict):
                inputs = [_int_keys(inputs[0])]
        with contextlib.suppress(Exception):
            if isinstance(outputs[index], dict):
                outputs[index] = [_int_keys(outputs[index])]
        with contextlib.suppress(Exception):
            if isinstance(outputs[index][0], dict):
                outputs[index] = [_int_keys(outputs[index][0])]

        if call_based:
            signal.alarm(timeout)
            faulthandler.enable()
            try:
                verdict = _judge_returned(method, inputs, outputs[index])
                results.append(verdict)
                signal.alarm(0)
            except Exception:
                signal.alarm(0)
                faulthandler.disable()
                results.append(_RUNTIME_ERROR)
                continue
            faulthandler.disable()
            signal.alarm(0)
            continue

        faulthandler.enable()
        signal.alarm(timeout)
        if isinstance(inputs, list):
            inputs = "\n".join(inputs)
        if isinstance(outputs[index], list):
            outputs[index] = "\n".join(outputs[index])
        ran = False
        with _Captured() as printed:
            try:
                _call_with_stdin(method, inputs)
                signal.alarm(0)
                ran = True
            except Exception:
                signal.alarm(0)
                results.append(_RUNTIME_ERROR)
            signal.alarm(0)
        if not ran:
            continue
        verdict = _judge_printed(printed, outputs, index)
        if verdict is not None:
            results.append(verdict)
    return results


def run(job):
    if hasattr(sys, "set_int_max_str_digits"):
        sys.set_int_max_str_digits(100000)  # APPS has very long integers (HELM raises the limit too)
    timeout = float(job["timeout"]) if job.get("timeout_is_float") else job["timeout"]
    results = _run_tests(job["root"], job["code"], timeout)
    # HELM's _convert_scores: only a real bool True counts (numpy's bool_ does not).
    return {"scores": [1.0 if isinstance(r, bool) and r else 0.0 for r in results], "results": [str(r) for r in results]}
