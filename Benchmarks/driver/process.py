"""Each run in its own process, timed from outside."""
import os
import tempfile
import time


def spawn(command, env=None):
    """Runs one command as its own process: (wall seconds, peak RSS in MB, stdout).
    posix_spawn + wait4, so the rusage (and its peak RSS) is this child's; a nonzero exit raises."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        actions = [(os.POSIX_SPAWN_DUP2, out.fileno(), 1), (os.POSIX_SPAWN_DUP2, err.fileno(), 2)]
        start = time.perf_counter()
        pid = os.posix_spawnp(command[0], command, env or os.environ, file_actions=actions)
        _, status, usage = os.wait4(pid, 0)
        wall = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(), err.read().decode()
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise RuntimeError(f"{' '.join(command[:3])} … exited with {code}:\n{stdout[-800:]}{stderr[-1500:]}")
    return wall, usage.ru_maxrss / 1024, stdout
