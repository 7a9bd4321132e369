"""HumanEval as HELM 0.5.16 checks it (`code_metrics_helper.check_correctness`, from OpenAI's human-eval): the
program is the prompt, four spaces, the completion, the tests and `check(entry_point)`, run with stdio swallowed
under a real-time limit after HELM's reliability_guard has disabled destructive functions. See harness.py."""
import builtins
import contextlib
import faulthandler
import io
import os
import signal
import sys


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


def check(job):
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
