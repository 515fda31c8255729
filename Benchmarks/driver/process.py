"""Each run in its own process, timed from outside."""
import os
import shutil
import tempfile
import time

# GNU time reports the peak RSS of the command alone. wait4's own ru_maxrss cannot:
# Linux carries the high-water mark of the memory a process had before exec into the
# figure after it, and a child spawned from this driver starts from the driver's memory.
GNU_TIME = shutil.which("time", path="/usr/bin:/bin")


def spawn(command, env=None):
    """Runs one command as its own process: (wall seconds, peak RSS in MB, stdout); a nonzero exit raises."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile(mode="r") as memory:
        measured = [GNU_TIME, "-f", "%M", "-o", memory.name, *command] if GNU_TIME else command
        actions = [(os.POSIX_SPAWN_DUP2, out.fileno(), 1), (os.POSIX_SPAWN_DUP2, err.fileno(), 2)]
        start = time.perf_counter()
        pid = os.posix_spawnp(measured[0], measured, env or os.environ, file_actions=actions)
        _, status, usage = os.wait4(pid, 0)
        wall = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(), err.read().decode()
        reported = memory.read().split()
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise RuntimeError(f"{' '.join(command[:3])} … exited with {code}:\n{stdout[-800:]}{stderr[-1500:]}")
    peak = int(reported[-1]) if GNU_TIME and reported and reported[-1].isdigit() else usage.ru_maxrss
    return wall, peak / 1024, stdout
