"""What every peer script shares: the data gradbook wrote (`gradbook-bench
prepare`), a clock, and the one JSON line each script prints for run.py."""
import json
import os
import statistics
import sys
import time

import numpy as np

DATA = os.environ.get("GRADBOOK_BENCH_DATA", "")


def load(name):
    """A float64 array written by gradbook-bench (raw little-endian, shape in shapes.json)."""
    with open(os.path.join(DATA, "shapes.json")) as f:
        shape = json.load(f)[name]
    return np.fromfile(os.path.join(DATA, name + ".f64"), dtype="<f8").reshape(shape)


def labels(name):
    return load(name).astype(np.int64)


def median_block(body, iterations, blocks=5):
    """Seconds per call of body(): the median of `blocks` blocks of `iterations` calls."""
    times = []
    for _ in range(blocks):
        start = time.perf_counter()
        for _ in range(iterations):
            body()
        times.append((time.perf_counter() - start) / iterations)
    return statistics.median(times)


def median_step(step, warm_up=5, runs=50):
    """Seconds of one call of step(): the median of 50, after 5 untimed calls."""
    for _ in range(warm_up):
        step()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def emit(workload, implementation, figure, unit, **extra):
    line = {"workload": workload, "implementation": implementation, "figure": figure, "unit": unit}
    line.update({k: float(v) if isinstance(v, (np.floating, np.integer)) else v for k, v in extra.items()})
    print(json.dumps(line, sort_keys=True))
    sys.stdout.flush()
