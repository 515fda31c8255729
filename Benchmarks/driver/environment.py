"""The peers' virtual environment, `.venv-bench/` in the repository, and the
versions of everything measured."""
import os
import platform
import subprocess
import sys

PEERS = ["numpy", "micrograd", "jax", "jaxlib"]
# PyTorch's CPU-only wheels; its default wheel on PyPI brings CUDA (gigabytes).
TORCH_CPU_INDEX = "https://download.pytorch.org/whl/cpu"
torch_status = "not tried"


def run(command, **kwargs):
    return subprocess.run(command, capture_output=True, text=True, **kwargs)


def ensure_venv(repository):
    """Creates `.venv-bench/` and installs the peers when they are missing; returns its python."""
    global torch_status
    venv = os.path.join(repository, ".venv-bench")
    python = os.path.join(venv, "bin", "python")
    if not os.access(python, os.X_OK):
        print(f"creating {venv} …", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", venv], check=True)
    if run([python, "-c", "import numpy, micrograd, jax, jaxlib"]).returncode != 0:
        print("pip install " + " ".join(PEERS) + " …", file=sys.stderr)
        subprocess.run([python, "-m", "pip", "install", "-q", *PEERS], check=True)
    if run([python, "-c", "import torch"]).returncode == 0:
        torch_status = "installed"
        return python
    # The CPU wheel alone first (no dependencies, which that index may not mirror),
    # then the same version again from the usual index, which adds its dependencies.
    print("trying PyTorch's CPU-only wheel …", file=sys.stderr)
    wheel = run([python, "-m", "pip", "install", "-q", "--retries", "0", "--timeout", "20", "--no-deps",
                 "--only-binary", ":all:", "--index-url", TORCH_CPU_INDEX, "torch"])
    version = run([python, "-c", "import importlib.metadata as m; print(m.version('torch'))"]).stdout.strip()
    if wheel.returncode != 0 or "+cpu" not in version:
        torch_status = "no CPU wheel reachable"
        return python
    dependencies = run([python, "-m", "pip", "install", "-q", f"torch=={version}"])
    works = run([python, "-c", "import torch"]).returncode == 0
    torch_status = "installed" if dependencies.returncode == 0 and works else "CPU wheel found, its dependencies not"
    return python


def versions(python, repository):
    """Name → version of gradbook, its toolchain and libraries, and each peer."""
    found = {}
    commit = run(["git", "-C", repository, "rev-parse", "--short", "HEAD"]).stdout.strip()
    dirty = run(["git", "-C", repository, "status", "--porcelain", "--untracked-files=no"]).stdout.strip()
    found["gradbook"] = commit + (" (with uncommitted changes)" if dirty else "")
    swift = run(["swift", "--version"])
    found["Swift"] = (swift.stdout or swift.stderr).splitlines()[0] if swift.returncode == 0 else "?"
    for package in ("libopenblas0-pthread", "libopenblas0", "cmark"):
        version = run(["dpkg-query", "-W", "-f=${Version}", package]).stdout.strip()
        if version:
            found[f"{package} (Debian)"] = version
    found["Python"] = run([python, "-c", "import platform; print(platform.python_version())"]).stdout.strip()
    script = ("import importlib.metadata as m\n"
              "for name in ('numpy', 'jax', 'jaxlib', 'micrograd', 'torch'):\n"
              "    try: print(name, m.version(name))\n"
              "    except m.PackageNotFoundError: print(name, '-')\n")
    for line in run([python, "-c", script]).stdout.splitlines():
        name, version = line.split(" ", 1)
        found[name] = version if version != "-" else f"not installed ({torch_status})"
    return found


def machine():
    """CPU model, cores, memory and kernel, from /proc."""
    model = "?"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    memory = "?"
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    return f"{model}, {os.cpu_count()} cores, {memory} RAM, Linux {platform.release()}"
