#!/usr/bin/env python3
"""`make bench`: issue 7's workloads in gradbook and in its peers, side by side.

Installs the peers into the repository's virtual environment `.venv-bench/`
(numpy, micrograd, jax, jaxlib from PyPI; PyTorch only from a CPU-only wheel),
writes gradbook's data and initial weights for them (`gradbook-bench prepare`),
then runs every workload of gradbook and of each peer, each run in its own
process, round-robin, several rounds; prints one table (median, min–max,
peer/gradbook, peak RSS, the computed loss or check, the issue's target) and
writes it to Benchmarks/results.md with the machine, the versions and the date.

    python3 Benchmarks/run.py [--runs 5] [--quick] [--only W2-net,W3-step]

Needs the release build of gradbook and gradbook-bench (`make bench` makes it).
Runs with the system's python3 and no package; the peers run in the venv.
"""
import argparse
import json
import os
import shutil
import signal
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from driver import environment, report  # noqa: E402
from driver.process import spawn  # noqa: E402
from driver.workloads import groups  # noqa: E402

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def measure(task, round_number, context):
    """One run of one task: its figure (from its JSON line, or the wall time), RSS and extras."""
    if task.before:
        task.before(context, round_number)
    command = task.command(context, round_number)
    # Each run starts from a flushed disk, so that none pays for writing back the
    # files of the run before it (a build of 200 copies writes 23,000).
    os.sync()
    wall, rss, stdout = spawn(command, env=task.env(context))
    if task.figure_from == "wall":
        return {"figure": wall, "rss": rss}
    lines = [line for line in stdout.splitlines() if line.startswith("{")]
    if not lines:
        raise RuntimeError(f"{' '.join(command[:3])} … printed no JSON line:\n{stdout[-800:]}")
    result = json.loads(lines[-1])
    result["rss"] = rss
    return result


def progress(text):
    """The task running now, on one line of the terminal (nothing when stderr is not one)."""
    if sys.stderr.isatty():
        print(f"\r{text:<60}", end="" if text else "\r", file=sys.stderr, flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="rounds of every task (default 5)")
    parser.add_argument("--quick", action="store_true", help="one round, results not written: a check that all runs")
    parser.add_argument("--only", default="", help="comma-separated workload ids, e.g. W2-net,W3-step")
    parser.add_argument("--results", default=os.path.join(REPOSITORY, "Benchmarks", "results.md"))
    options = parser.parse_args()
    runs = 1 if options.quick else options.runs

    venv = environment.ensure_venv(REPOSITORY)
    binaries = os.path.join(REPOSITORY, ".build", "release")
    for product in ("gradbook", "gradbook-bench"):
        if not os.access(os.path.join(binaries, product), os.X_OK):
            sys.exit(f"run.py: no {binaries}/{product}; build it first (`make bench` does)")

    scratch = tempfile.mkdtemp(prefix="gradbook-bench-")
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so that `finally` removes the scratch folder
    try:
        _, _, prepared = spawn([os.path.join(binaries, "gradbook-bench"), "prepare", scratch])
        context = {"repository": REPOSITORY, "binaries": binaries, "venv": venv, "scratch": scratch,
                   "prepared": json.loads(prepared.strip().splitlines()[-1])}
        selected = [g for g in groups(context) if not options.only or g.id in options.only.split(",")]
        tasks = {}
        for group in selected:
            for task in group.tasks():
                if task.available(context):
                    tasks.setdefault(task.key, task)
        for task in tasks.values():
            if task.setup:
                task.setup(context)
        results, failed = {key: [] for key in tasks}, {}
        load_before = os.getloadavg()
        for round_number in range(runs):
            for key, task in tasks.items():  # round-robin: every task once per round
                if key in failed:
                    continue
                progress(f"round {round_number + 1}/{runs}: {key}")
                try:
                    results[key].append(measure(task, round_number, context))
                except (RuntimeError, OSError, ValueError) as error:  # one broken run does not lose the others
                    failed[key] = str(error)
                    print(f"\n{key}: failed, left out from now on: {error}", file=sys.stderr)
        progress("")
        table = report.table(selected, tasks, results, context)
        table.failures = failed
        print(table.text())
        if not options.quick:
            with open(options.results, "w") as f:
                f.write(report.results_markdown(table, context, runs, load_before, os.getloadavg()))
            print(f"\nwritten to {os.path.relpath(options.results)}")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
