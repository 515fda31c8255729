"""The driver of `make bench` (Benchmarks/run.py): environment, workloads, report."""
