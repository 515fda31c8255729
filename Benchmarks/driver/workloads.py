"""Issue 7's workloads: for each, gradbook's run, its floors and its peers,
each a command run in its own process, and the issue's targets."""
import os
from dataclasses import dataclass, field
from typing import Callable, Optional


@dataclass
class Task:
    """One command to run once per round. Its figure is the JSON line it prints, or its wall time."""
    key: str
    implementation: str
    command: Callable
    figure_from: str = "json"
    peer: bool = True
    needs: Optional[str] = None  # a Python module the venv must have
    setup: Optional[Callable] = None  # once, before the first round
    before: Optional[Callable] = None  # before every run

    def env(self, context):
        return {**os.environ, "GRADBOOK_BENCH_DATA": context["prepared"]["data"]}

    def available(self, context):
        if not self.needs:
            return True
        from driver.environment import run
        return run([context["venv"], "-c", f"import {self.needs}"]).returncode == 0


@dataclass
class Target:
    """A target of the issue on one row: its words and whether the medians meet it."""
    row: str
    words: str
    met: Callable  # (medians by key, peak RSS by key) -> bool


@dataclass
class Group:
    id: str
    title: str
    unit: str
    scale: float  # figure × scale = the figure in `unit`
    ours: Task
    floors: list = field(default_factory=list)
    peers: list = field(default_factory=list)
    targets: list = field(default_factory=list)

    def tasks(self):
        return [self.ours, *self.floors, *self.peers]


def gradbook_bench(mode):
    return Task(f"gradbook {mode}", "gradbook", lambda c, r: [os.path.join(c["binaries"], "gradbook-bench"), mode],
                peer=False)


def peer(name, script, *arguments, needs=None):
    def command(context, _):
        return [context["venv"], os.path.join(context["repository"], "Benchmarks", "peers", script), *arguments]
    return Task(f"{name} {script} {' '.join(arguments)}".strip(), name, command, needs=needs)


def ratio(ours, other, at_least):
    """The peer `other` takes at least `at_least` times gradbook's time."""
    return Target(other.key, f"≥ {at_least:g}× gradbook",
                  lambda m, _: other.key in m and ours.key in m and m[other.key] >= at_least * m[ours.key])


def at_most(task, limit, unit, scale):
    return Target(task.key, f"≤ {limit:g} {unit}", lambda m, _: m[task.key] * scale <= limit)


def rss_at_most(task, megabytes):
    return Target(task.key, f"RSS ≤ {megabytes} MB", lambda _, rss: rss[task.key] <= megabytes)


def groups(context):
    """Every workload of the issue, in its order."""
    W1_once, W1_build = gradbook_bench("w1-once"), gradbook_bench("w1-build")
    jax_w1 = peer("JAX jit", "w1_jax.py")
    python_w1, micrograd_w1 = peer("plain Python", "w1_python.py"), peer("micrograd", "w1_micrograd.py")
    torch_w1 = peer("PyTorch", "w1_torch.py", needs="torch")
    W2_net, W2_linear = gradbook_bench("w2-net"), gradbook_bench("w2-linear")
    numpy_net, jax_net = peer("numpy", "w2_numpy.py", "net"), peer("JAX fori_loop", "w2_jax.py", "net")
    W3, W3_floor = gradbook_bench("w3-step"), gradbook_bench("w3-floor")
    W3_floor.implementation = "gradbook, @ alone (floor)"
    numpy_w3, jax_w3, torch_w3 = peer("numpy", "w3_numpy.py"), peer("JAX jit", "w3_jax.py"), \
        peer("PyTorch", "w3_torch.py", needs="torch")
    course, copies, incremental = build_tasks(context)
    W5_spiral, W5_cifar = gradbook_bench("w5-spiral"), gradbook_bench("w5-cifar")
    return [
        Group("W1-once", "W1 sigmoid neuron: forward + backward on a graph built once", "µs", 1, W1_once,
              peers=[python_w1, jax_w1],
              targets=[at_most(W1_once, 0.2, "µs", 1), ratio(W1_once, python_w1, 1), ratio(W1_once, jax_w1, 20)]),
        Group("W1-build", "W1 sigmoid neuron: build the graph + forward + backward", "µs", 1, W1_build,
              peers=[micrograd_w1, jax_w1, torch_w1],
              targets=[at_most(W1_build, 1, "µs", 1), ratio(W1_build, micrograd_w1, 20), ratio(W1_build, jax_w1, 20)]),
        Group("W2-net", "W2 spiral, 2-layer net (300×2 → 100 ReLU → 3), 10,000 full-batch steps", "s", 1, W2_net,
              peers=[numpy_net, jax_net, peer("PyTorch", "w2_torch.py", "net", needs="torch")],
              targets=[at_most(W2_net, 0.5, "s", 1), rss_at_most(W2_net, 30),
                       ratio(W2_net, numpy_net, 5), ratio(W2_net, jax_net, 2)]),
        Group("W2-linear", "W2 spiral, linear softmax classifier, 200 steps", "ms", 1e3, W2_linear,
              peers=[peer("numpy", "w2_numpy.py", "linear"), peer("JAX fori_loop", "w2_jax.py", "linear"),
                     peer("PyTorch", "w2_torch.py", "linear", needs="torch")]),
        Group("W3-step", "W3 one SGD step, 3072 → 100 ReLU → 10, batch of 200 (median of 50)", "ms", 1, W3,
              floors=[W3_floor], peers=[numpy_w3, jax_w3, torch_w3],
              targets=[Target(W3.key, "≤ 1.15× floor", lambda m, _: m[W3.key] <= 1.15 * m[W3_floor.key]),
                       ratio(W3, numpy_w3, 1), ratio(W3, jax_w3, 1), ratio(W3, torch_w3, 1)]),
        *course, *copies, *incremental,
        Group("W5-spiral", "W5 gradient check of the spiral net's W1, all 200 entries", "ms", 1, W5_spiral,
              peers=[peer("numpy", "w5_numpy.py", "spiral"), peer("JAX jit", "w5_jax.py", "spiral")]),
        Group("W5-cifar", "W5 gradient check of W3's W1 (3072×100), 100 sampled entries", "ms", 1, W5_cifar,
              peers=[peer("numpy", "w5_numpy.py", "cifar"), peer("JAX jit", "w5_jax.py", "cifar")]),
    ]


def build_tasks(context):
    """W4: `gradbook build` as a cold process (a fresh output folder every run), beside `cmark`."""
    from driver.course import cmark, cold_build, incremental_build, check
    prepared = context["prepared"]
    lectures = os.path.join(context["repository"], "lectures")
    lecture_files = sorted(os.path.join(lectures, f) for f in os.listdir(lectures)
                           if f.endswith(".md") and f.lower() != "readme.md")
    course = cold_build("course", lectures)
    copies = cold_build("×200", prepared["copies"])
    copies_floor = [cmark("×200", prepared["copies_files"]), check("×200", prepared["copies"])]
    left_out = ", ".join(prepared["left_out"]) or "none"
    changed = incremental_build(prepared["course"], prepared["course_files"][0])
    return (
        [Group("W4-course", f"W4 `gradbook build` of lectures/ ({len(lecture_files)} lectures), cold process", "ms", 1e3,
               course, floors=[cmark("course", lecture_files)], targets=[at_most(course, 300, "ms", 1e3)])],
        [Group("W4-×200", f"W4 `gradbook build` of 200 copies of the {prepared['copied_lectures']} light lectures "
                          f"({len(prepared['copies_files'])} files; left out: {left_out}), cold", "s", 1,
               copies, floors=copies_floor,
               targets=[Target(copies.key, "≤ 2× (cmark + check)",
                               lambda m, _: m[copies.key] <= 2 * sum(m[f.key] for f in copies_floor)),
                        rss_at_most(copies, 200)])],
        [Group("W4-touch", "W4 `gradbook build` again after one lecture changed (build cache)", "ms", 1e3,
               changed, targets=[at_most(changed, 50, "ms", 1e3)])],
    )
