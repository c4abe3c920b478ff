#!/usr/bin/env python3
"""Generates the matrix-free acceptance matrices and times SciPy's svds on them (the side-by-side peer).

Usage: bench-krylov.py DIRECTORY [ROWS COLUMNS ENTRIES K]
Writes DIRECTORY/a.mtx (values uniform in [0, 1)) and DIRECTORY/e.mtx (values uniform in [-0.5, 0.5)), random
positions, seeded; then prints the time svds takes for the K largest triplets of A (ARPACK, tol=0: machine precision).
"""
import sys
import time

import numpy as np
import scipy.io
import scipy.sparse
import scipy.sparse.linalg

directory = sys.argv[1]
m, n, nnz, k = (int(x) for x in sys.argv[2:6]) if len(sys.argv) > 2 else (200_000, 150_000, 2_000_000, 3)
rng = np.random.default_rng(20251129)


def random_sparse(shift):
    rows = rng.integers(0, m, nnz)
    cols = rng.integers(0, n, nnz)
    vals = rng.random(nnz) - shift
    matrix = scipy.sparse.coo_matrix((vals, (rows, cols)), shape=(m, n)).tocsr()
    matrix.sum_duplicates()
    return matrix


a = random_sparse(0.0)
e = random_sparse(0.5)
start = time.perf_counter()
scipy.io.mmwrite(f"{directory}/a.mtx", a)
scipy.io.mmwrite(f"{directory}/e.mtx", e)
print(f"generated and wrote {m} x {n}, {a.nnz} and {e.nnz} entries in {time.perf_counter() - start:.1f} s")
start = time.perf_counter()
u, s, vt = scipy.sparse.linalg.svds(a, k=k)
elapsed = time.perf_counter() - start
order = np.argsort(s)[::-1]
s = s[order]
residual = max(np.linalg.norm(a @ vt[i] - s[j] * u[:, i]) for j, i in enumerate(order))
print(f"svds k={k}: {elapsed:.2f} s; s = {', '.join(f'{x:.12g}' for x in s)}; largest ||A v - s u|| = {residual:.2g}")
