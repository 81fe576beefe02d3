"""Times square float32 matmul in numpy for the sizes given; prints one JSON object.

Run by GemmBenchmark.cs: `python3 gemm_numpy.py 256 1024 2048`.
Output: {"blas": "<library and kernel>", "threads": N, "gflops": {"256": ..., ...}}
"""
import json
import sys
import time

import numpy as np


def blas_info():
    try:
        import threadpoolctl
        for pool in threadpoolctl.threadpool_info():
            if pool.get("user_api") == "blas":
                return f"{pool['internal_api']} {pool['version']} ({pool['architecture']})", pool["num_threads"]
    except ImportError:
        pass
    return "unknown BLAS", None


def best_seconds(n, runs, warmups=2):
    rng = np.random.default_rng(1)
    a = rng.uniform(-1, 1, (n, n)).astype(np.float32)
    b = rng.uniform(-1, 1, (n, n)).astype(np.float32)
    for _ in range(warmups):
        a @ b
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        a @ b
        best = min(best, time.perf_counter() - start)
    return best


def main():
    sizes = [int(s) for s in sys.argv[1:]]
    blas, threads = blas_info()
    gflops = {}
    for n in sizes:
        runs = 50 if n <= 256 else 10 if n <= 1024 else 4
        gflops[str(n)] = 2.0 * n**3 / best_seconds(n, runs) / 1e9
    print(json.dumps({"blas": blas, "threads": threads, "gflops": gflops}))


if __name__ == "__main__":
    main()
