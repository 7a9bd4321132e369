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

Before the program runs, a Python audit hook (PEP 578) is installed that refuses sockets, new processes,
native code loaded through ctypes, and any write, removal or renaming outside the working directory. It is a
second line of defence behind the operating system's limits, not a security boundary of its own.
"""
import builtins
import contextlib
import faulthandler
import gc
import io
import json
import os
import posix
import signal
import sys
from unittest.mock import mock_open, patch

RESULT_FD = 3

# ---------------------------------------------------------------------------------------------------------------
# The guard


def _install_guard(root):
    """Refuses what a program under test has no business doing; `root` is the only folder it may change."""
    real = os.path.realpath
    root = real(root)
    write_flags = os.O_WRONLY | os.O_RDWR | os.O_APPEND | os.O_CREAT | os.O_TRUNC
    refused_events = {
        "socket.__new__", "socket.bind", "socket.connect", "socket.getaddrinfo", "socket.gethostbyname",
        "socket.gethostbyaddr", "socket.sendto", "socket.sendmsg",
        "subprocess.Popen", "os.system", "os.exec", "os.posix_spawn", "os.spawn", "os.fork", "os.forkpty",
        "os.kill", "os.killpg", "pty.spawn",
        "ctypes.dlopen", "ctypes.dlsym", "ctypes.cdata", "ctypes.call_function",
    }
    path_events = {
        "os.remove", "os.rename", "os.rmdir", "os.mkdir", "os.chmod", "os.chown", "os.link", "os.symlink",
        "os.truncate", "os.utime", "os.chflags", "os.lchflags", "os.setxattr", "os.removexattr", "shutil.rmtree",
        "shutil.copyfile", "shutil.copymode", "shutil.copystat", "shutil.move", "shutil.chown",
    }

    def inside(path):
        if isinstance(path, int):
            return path in (1, 2)
        try:
            text = os.fsdecode(path)
        except TypeError:
            return True  # not a path (a mode, a flag)
        if text == "/dev/null":
            return True
        absolute = text if text.startswith("/") else posix.getcwd() + "/" + text
        resolved = real(absolute)
        return resolved == root or resolved.startswith(root + "/")

    def hook(event, args):
        if event in refused_events:
            raise PermissionError(f"the code sandbox refuses {event}")
        if event == "open":
            path, mode, flags = args
            writes = any(c in mode for c in "wax+") if isinstance(mode, str) else bool((flags or 0) & write_flags)
            if writes and not inside(path):
                raise PermissionError(f"the code sandbox refuses writing {path!r} outside its folder")
        elif event in path_events:
            for arg in args[:2]:
                if isinstance(arg, (str, bytes, os.PathLike)) and not inside(arg):
                    raise PermissionError(f"the code sandbox refuses {event} on {arg!r} outside its folder")

    sys.addaudithook(hook)


# ---------------------------------------------------------------------------------------------------------------
# HumanEval: HELM's check_correctness (the program is the prompt, the completion, the tests and check(entry_point))


class _Timeout(Exception):
    pass


class _WriteOnly(io.StringIO):
    """A stream that refuses to be read (HumanEval's WriteOnlyStringIO)."""

    def read(self, *args, **kwargs):
        raise IOError

    def readline(self, *args, **kwargs):
        raise IOError

    def readlines(self, *args, **kwargs):
        raise IOError

    def readable(self, *args, **kwargs):
        return False


class _redirect_stdin(contextlib._RedirectStream):
    _stream = "stdin"


def _disable_destructive_functions():
    """HELM's reliability_guard(None): what a HumanEval program finds disabled (calling one fails the program)."""
    faulthandler.disable()
    builtins.exit = None
    builtins.quit = None
    os.environ["OMP_NUM_THREADS"] = "1"
    for name in (
        "kill", "system", "putenv", "remove", "removedirs", "rmdir", "fchdir", "setuid", "fork", "forkpty", "killpg",
        "rename", "renames", "truncate", "replace", "unlink", "fchmod", "fchown", "chmod", "chown", "chroot",
        "lchflags", "lchmod", "lchown", "getcwd", "chdir",
    ):
        setattr(os, name, None)
    import shutil
    import subprocess

    shutil.rmtree = None
    shutil.move = None
    shutil.chown = None
    subprocess.Popen = None
    builtins.help = None
    for name in ("ipdb", "joblib", "resource", "psutil", "tkinter"):
        sys.modules[name] = None


def _human_eval(job):
    problem, completion, timeout = job["problem"], job["completion"], job["timeout"]
    program = f"{problem['prompt']}    {completion}\n{problem['test']}\ncheck({problem['entry_point']})"

    def on_alarm(signum, frame):
        raise _Timeout("Timed out!")

    _disable_destructive_functions()
    sink = _WriteOnly()
    try:
        with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink), _redirect_stdin(sink):
            signal.setitimer(signal.ITIMER_REAL, timeout)
            signal.signal(signal.SIGALRM, on_alarm)
            try:
                exec(program, {})
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
        outcome = "passed"
    except _Timeout:
        outcome = "timed out"
    except BaseException as e:  # noqa: B036 - HELM counts anything raised, SystemExit included, as a failure
        outcome = f"failed: {e}"
    return {"passed": outcome == "passed", "result": outcome}


# ---------------------------------------------------------------------------------------------------------------
# APPS: HELM's run_test (the program is called on each test input; its output is compared in several ways)

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


def _on_apps_alarm(signum, frame):
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


def _apps(job):
    if hasattr(sys, "set_int_max_str_digits"):
        sys.set_int_max_str_digits(100000)  # APPS has very long integers (HELM raises the limit too)
    timeout = float(job["timeout"]) if job.get("timeout_is_float") else job["timeout"]
    results = _run_tests(job["root"], job["code"], timeout)
    # HELM's _convert_scores: only a real bool True counts (numpy's bool_ does not).
    return {"scores": [1.0 if isinstance(r, bool) and r else 0.0 for r in results], "results": [str(r) for r in results]}


# ---------------------------------------------------------------------------------------------------------------


def main():
    channel = os.fdopen(RESULT_FD, "w")
    job = json.loads(sys.stdin.read())
    sys.stdin = io.StringIO("")  # the real stdin is closed to the program
    signal.signal(signal.SIGALRM, _on_apps_alarm)
    import numpy  # noqa: F401 - loaded before the guard: APPS programs start with `import numpy as np`

    _install_guard(os.getcwd())
    outcome = _human_eval(job) if job["kind"] == "humaneval" else _apps(job)
    channel.write(json.dumps(outcome) + "\n")
    channel.flush()


if __name__ == "__main__":
    main()
