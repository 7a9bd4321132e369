"""The audit hook (PEP 578) of the code sandbox: what a program under test may not do. See harness.py."""
import os
import posix
import sys


def install(root):
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
