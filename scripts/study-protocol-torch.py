#!/usr/bin/python3
"""The seed paper's protocol in PyTorch autograd, the peer of `spectral study` (docs/benchmarks.md).

Reads the matrices and directions a study saved (A.npy, E.npy from `spectral study ... --save-matrices`), then for every
trial computes the Hessians of all singular values with autograd (Jacobian of the Jacobian of torch.linalg.svdvals,
vectorized) and compares each with the Kronecker formula on the full SVD; it prints the time and the error quantiles.
With --orders N it also writes the derivatives d1..dN of s_k(A + tE) at t = 0 by nested autograd as a CSV
(trial,k,d1..dN) that `spectral study --external` compares with its own. Run with Debian's python3-torch:

    spectral study --ensemble gaussian uniform beta:2,5 --rows 6 --columns 10 --trials 500 -k all -N 2 \\
        --validate hessian,finite-differences --save-matrices --output paper
    /usr/bin/python3 scripts/study-protocol-torch.py paper [--orders 4 --csv paper/torch.csv] [--threads 1]
"""
import argparse
import importlib.util
import math
import os
import time

import numpy
import torch

torch.set_default_dtype(torch.float64)
_spec = importlib.util.spec_from_file_location("bench_torch_hessian", os.path.join(os.path.dirname(__file__), "bench-torch-hessian.py"))
_bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_bench)


def hessians(a):
    """All singular values' Hessians with respect to vec(A) (column-major, as the library), shape r x mn x mn."""
    m, n = a.shape
    flat = a.T.reshape(-1)                                       # column-major vec

    def values(x):
        return torch.linalg.svdvals(x.reshape(n, m).T)

    return torch.autograd.functional.jacobian(lambda x: torch.autograd.functional.jacobian(values, x, create_graph=True, vectorize=True), flat, vectorize=True)


def derivatives(a, e, k, orders):
    """d^j/dt^j s_k(A + tE) at t = 0, j = 1..orders, by nested autograd."""
    t = torch.zeros((), requires_grad=True)
    value = torch.linalg.svdvals(a + t * e)[k - 1]
    result = []
    for _ in range(orders):
        (value,) = torch.autograd.grad(value, t, create_graph=True)
        result.append(value.item())
    return result


def quantiles(values):
    v = numpy.sort(numpy.asarray(values))
    return {name: float(numpy.quantile(v, p)) for name, p in (("median", 0.5), ("q95", 0.95), ("max", 1.0))}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("study", help="a study folder holding A.npy and E.npy")
    parser.add_argument("--orders", type=int, default=0, help="also the derivatives d1..dN along E (nested autograd)")
    parser.add_argument("--csv", help="where to write trial,k,d1..dN (with --orders)")
    parser.add_argument("--threads", type=int, default=0, help="torch.set_num_threads; 0 keeps torch's default")
    args = parser.parse_args()
    if args.threads:
        torch.set_num_threads(args.threads)
    a_stack = torch.from_numpy(numpy.load(os.path.join(args.study, "A.npy")))
    e_stack = torch.from_numpy(numpy.load(os.path.join(args.study, "E.npy")))
    trials, m, n = a_stack.shape
    r = min(m, n)

    start, cpu = time.perf_counter(), time.process_time()
    autograd = [hessians(a_stack[t]) for t in range(trials)]
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    errors = []
    for t in range(trials):
        for k in range(1, r + 1):
            reference = _bench.kronecker_hessian(a_stack[t], k)
            errors.append((torch.linalg.norm(autograd[t][k - 1] - reference) / torch.linalg.norm(reference)).item())
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads: {trials} trials of {m} x {n}, Hessians of all {r} singular values "
          f"by autograd in {elapsed:.2f} s wall, {cpu:.2f} s CPU ({1e3 * cpu / trials:.2f} ms CPU per trial)")
    print("relative Frobenius error against the Kronecker formula: " + ", ".join(f"{k} {v:.2e}" for k, v in quantiles(errors).items()))

    if args.orders:
        start = time.perf_counter()
        rows = [(t, k, derivatives(a_stack[t], e_stack[t], k, args.orders)) for t in range(trials) for k in range(1, r + 1)]
        elapsed = time.perf_counter() - start
        print(f"derivatives of orders 1..{args.orders} of all {r} singular values along E by nested autograd in {elapsed:.2f} s")
        if args.csv:
            with open(args.csv, "w") as out:
                out.write("trial,k," + ",".join(f"d{j}" for j in range(1, args.orders + 1)) + "\n")
                for t, k, d in rows:
                    out.write(f"{t},{k}," + ",".join(repr(x) for x in d) + "\n")
            print(f"wrote {args.csv}")


if __name__ == "__main__":
    main()
