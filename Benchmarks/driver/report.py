"""The table of `make bench`, printed and written to Benchmarks/results.md."""
import datetime
import statistics

from driver import environment

COLUMNS = ["implementation", "median", "min–max", "peer/gradbook", "peak RSS", "computed", "target"]


def figure(x):
    """Three significant digits, no exponent for the sizes seen here."""
    if x == 0:
        return "0"
    digits = max(0, 2 - int(f"{abs(x):e}".split("e")[1]))
    return f"{x:,.{digits}f}"


def computed(result):
    """What the run computed, to compare implementations: loss and accuracy, f, or the check's worst error."""
    parts = []
    if "loss" in result:
        parts.append(f"loss {result['loss']:.6f}")
    if "accuracy" in result:
        parts.append(f"acc. {result['accuracy'] * 100:.2f} %")
    if "f" in result:
        parts.append(f"f {result['f']:.4f}, ∂f/∂w0 {result['dw0']:.4f}")
    if "worst" in result:
        parts.append(f"{result['entries']} entries, worst rel. error {result['worst']:.1e}")
    if "compile" in result:
        parts.append(f"+ {result['compile']:.2f} s compile")
    return ", ".join(parts)


class Table:
    def __init__(self):
        self.sections = []  # (group, rows)
        self.failures = {}  # task key -> why it failed

    def text(self):
        widths = [28, 9, 17, 13, 9, 50, 0]
        lines = ["  ".join(c.ljust(w) for c, w in zip(COLUMNS, widths)).rstrip()]
        for group, rows in self.sections:
            lines.append(f"{group.id}: {group.title} [{group.unit}]")
            for row in rows:
                lines.append("  ".join(str(c).ljust(w) for c, w in zip(row, widths)).rstrip())
        lines += [f"FAILED {key}: {why.splitlines()[0]}" for key, why in self.failures.items()]
        return "\n".join(lines)

    def markdown(self):
        out = []
        for group, rows in self.sections:
            out.append(f"### {group.id}: {group.title}\n")
            out.append("| " + " | ".join(c if c not in ("median", "min–max") else f"{c} ({group.unit})"
                                         for c in COLUMNS) + " |")
            out.append("|" + "---|" * len(COLUMNS))
            out.extend("| " + " | ".join(str(c) for c in row) + " |" for row in rows)
            out.append("")
        out += [f"- **failed**: {key}: {why.splitlines()[0]}" for key, why in self.failures.items()]
        return "\n".join(out)


def table(groups, tasks, results, context):
    medians = {key: statistics.median(r["figure"] for r in runs) for key, runs in results.items() if runs}
    rss = {key: statistics.median(r["rss"] for r in runs) for key, runs in results.items() if runs}
    t = Table()
    for group in groups:
        rows = []
        for task in group.tasks():
            if task.key not in medians:
                continue
            runs = [r["figure"] * group.scale for r in results[task.key]]
            ours = medians.get(group.ours.key)
            ratio = "" if task is group.ours or not ours else f"{medians[task.key] / ours:.2f}"
            targets = [f"{target.words} {'✓' if target.met(medians, rss) else '✗'}"
                       for target in group.targets if target.row == task.key and _measured(target, medians)]
            if task is group.ours and group.floors and all(f.key in medians for f in group.floors):
                targets.insert(0, f"= {ours / sum(medians[f.key] for f in group.floors):.3g}× floor")
            rows.append([task.implementation, figure(statistics.median(runs)),
                         f"{figure(min(runs))}–{figure(max(runs))}", ratio, f"{rss[task.key]:.0f} MB",
                         computed(results[task.key][-1]), "; ".join(targets)])
        t.sections.append((group, rows))
    return t


def _measured(target, medians):
    try:
        target.met(medians, {k: 0 for k in medians})
        return True
    except KeyError:
        return False


def results_markdown(table, context, runs, load_before, load_after):
    versions = environment.versions(context["venv"], context["repository"])
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        "# Benchmark results (issue 7)",
        "",
        "Written by `make bench` (Benchmarks/run.py); do not edit by hand: run it again.",
        "",
        f"- date: {now}",
        f"- machine: {environment.machine()}",
        f"- load average (1 min) before and after: {load_before[0]:.2f}, {load_after[0]:.2f}"
        + (" — the machine was busy: figures are noisy" if max(load_before[0], load_after[0]) > 1.5 else ""),
        f"- runs: {runs} rounds; every run its own process; tasks alternate round-robin within each round",
        "- versions: " + "; ".join(f"{name} {version}" for name, version in versions.items()),
        f"- PyTorch: {environment.torch_status}",
        "",
        "**median** and **min–max** are over the rounds (for W1 and W3 each run reports its own median of "
        "5 blocks or 50 steps); **peer/gradbook** is the peer's median over gradbook's (above 1: gradbook is "
        "faster; a floor's row gives floor/gradbook); **peak RSS** is the process's maximum resident set (GNU time's %M); "
        "**computed** shows each implementation computes the same thing (the peers start from gradbook's "
        "data and initial weights, written by `gradbook-bench prepare`); **target** is issue 7's, ✓ met, ✗ not.",
        "",
        table.markdown(),
        NOTES,
    ]
    return "\n".join(lines)


NOTES = """## What each row runs

- W1: `gradbook-bench w1-once` / `w1-build`; `peers/w1_python.py` (the CS231n notes'
  arithmetic by hand), `w1_micrograd.py` (micrograd, with an `exp` op added in its style),
  `w1_jax.py` (`jax.jit(jax.value_and_grad(...))`, one call per iteration, waited for),
  `w1_torch.py` (eager autograd on float64 tensors).
- W2: `gradbook-bench w2-net` / `w2-linear`; `w2_numpy.py` (the case study's code),
  `w2_jax.py` (the whole loop in `lax.fori_loop`, jit-compiled ahead; compile time apart),
  `w2_torch.py` (autograd + `torch.optim.SGD`). Time of the training loop, in-process.
- W3: `gradbook-bench w3-step`; the floor `w3-floor` is the step's five matrix products alone
  (X·W1, H·W2 forward; Hᵀ·G, G·W2ᵀ, Xᵀ·dH backward) as a graph of two `@` nodes run forward and
  backward through the same OpenBLAS (it also zeroes and checks gradients, as every step does).
- W4: `gradbook build` as a cold process into a fresh folder, wall time from outside; the
  copies leave out the lectures that train for 5,000 steps or more in all (the case study: its training
  would make 200 copies measure only the engine). "One lecture changed" rebuilds a copy of lectures/
  into the folder of a previous build after a trailing blank line of its first lecture is added
  or removed: it measures what `gradbook build` does today. Floors: Debian's `cmark` CLI on
  the same files, and `gradbook check` (loads and runs every example, writes nothing).
- W5: `gradbook-bench w5-spiral` / `w5-cifar` (`GradientCheck`, h = 1e-5); `w5_numpy.py` and
  `w5_jax.py`: the CS231n centered-difference loop, entry by entry (JAX through its jitted loss).
"""
