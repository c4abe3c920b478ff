#!/usr/bin/python3
"""Times PyTorch's autograd Hessian of one singular value, the peer of SingularValueHessian.

For an m x n matrix A (default 64 x 64, Gaussian entries, fixed seed) it times
torch.autograd.functional.hessian(lambda a: torch.linalg.svdvals(a)[k - 1], A, vectorize=True)
in float64 and reports the best and median of a few repetitions. Run with Debian's python3-torch:

    /usr/bin/python3 scripts/bench-torch-hessian.py [--rows 64] [--columns 64] [--index 1] [--repeat 3] [--threads 1]

With --check it also compares the result with the closed-form Hessian built here from the Kronecker formula
(full SVD, column-major vec as in the C# library: p = i + j m).
"""
import argparse
import statistics
import time

import torch


def autograd_hessian(a, k):
    return torch.autograd.functional.hessian(lambda x: torch.linalg.svdvals(x)[k - 1], a, vectorize=True)


def kronecker_hessian(a, k):
    """Kronecker sum formula from the full SVD, as an (m n) x (m n) matrix in column-major vec order."""
    m, n = a.shape
    r = min(m, n)
    u, s, vh = torch.linalg.svd(a, full_matrices=True)
    v = vh.T
    sigma = torch.zeros(max(m, n), dtype=a.dtype)
    sigma[:r] = s
    sk = sigma[k - 1]

    def vec(x, y):  # vec(x y^T), column-major
        return torch.outer(x, y).T.reshape(-1)

    hessian = torch.zeros(m * n, m * n, dtype=a.dtype)
    for i in range(m):
        if i != k - 1:
            x = vec(u[:, i], v[:, k - 1])
            hessian += sk / (sk**2 - sigma[i] ** 2) * torch.outer(x, x)
    for j in range(n):
        if j != k - 1:
            y = vec(u[:, k - 1], v[:, j])
            hessian += sk / (sk**2 - sigma[j] ** 2) * torch.outer(y, y)
    for l in range(r):
        if l != k - 1:
            x = vec(u[:, l], v[:, k - 1])
            y = vec(u[:, k - 1], v[:, l])
            hessian += sigma[l] / (sk**2 - sigma[l] ** 2) * (torch.outer(x, y) + torch.outer(y, x))
    return hessian


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=64)
    parser.add_argument("--columns", type=int, default=64)
    parser.add_argument("--index", type=int, default=1, help="1-based k")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--threads", type=int, default=0, help="torch.set_num_threads; 0 keeps torch's default")
    parser.add_argument("--seed", type=int, default=20251122)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()

    if args.threads > 0:
        torch.set_num_threads(args.threads)
    generator = torch.Generator().manual_seed(args.seed)
    a = torch.randn(args.rows, args.columns, generator=generator, dtype=torch.float64)

    times = []
    hessian = None
    for _ in range(args.repeat):
        start = time.perf_counter()
        hessian = autograd_hessian(a, args.index)
        times.append(time.perf_counter() - start)

    size = args.rows * args.columns
    print(f"torch {torch.__version__}, threads {torch.get_num_threads()}, A {args.rows} x {args.columns}, k = {args.index}, "
          f"Hessian {size} x {size}")
    print(f"autograd.functional.hessian(svdvals, vectorize=True): best {min(times):.3f} s, "
          f"median {statistics.median(times):.3f} s over {args.repeat} runs")
    if args.check:
        # torch's Hessian is indexed by (row, column) of A, i.e. row-major vec; reorder to column-major.
        h = hessian.reshape(args.rows, args.columns, args.rows, args.columns).permute(1, 0, 3, 2).reshape(size, size)
        reference = kronecker_hessian(a, args.index)
        error = torch.linalg.norm(h - reference) / torch.linalg.norm(reference)
        print(f"relative Frobenius difference autograd vs Kronecker formula: {error.item():.2e}")


if __name__ == "__main__":
    main()
