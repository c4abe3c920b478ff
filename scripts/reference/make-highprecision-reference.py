#!/usr/bin/python3
"""High-precision reference derivatives of singular values, independent of the library's algorithms.

For each test matrix A (float64 entries, stored exactly) and direction E, the singular values of
A + tE are computed with mpmath at 50 significant digits at M Chebyshev nodes t in [-h, h]; the
Chebyshev interpolant is converted to Taylor coefficients at t = 0. Only SVDs are used: no
resolvent, no recursion, no closed form. The interval h is a quarter of the smallest convergence
radius r0 = d / (2 ||E||_2) among the indices kept, so the interpolation error is far below 1e-30.

Indices are kept when their relative gap d / s_1 is at least 1e-2 (the accuracy target's
condition). Each kept index also carries its conditioning floor per order: the largest change of
D_n under three random backward perturbations A + P of norm ||P||_2 = eps ||A||_2 (eps = 2^-52, the
size of what any backward-stable SVD commits), computed the same way at 50 digits, so that a test can
tell an error of the library from one the data's conditioning forces on every double algorithm. Output: tests/SpectralSensitivity.Tests/Fixtures/highprecision-reference.json, and the same for
eigenvalues of symmetric T + tT1 (eigenvalues ascending, relative gap d / max|mu| >= 1e-2) in
highprecision-symmetric-reference.json beside it.

Run (Debian python3-mpmath, about 3 minutes):
  /usr/bin/python3 scripts/reference/make-highprecision-reference.py [output-directory]
"""
import json
import os
import random
import sys
import time

import mpmath as mp

mp.mp.dps = 50
ORDER = 8
NODES = 40
CASES = [(6, 10, 11), (10, 6, 12), (12, 12, 13), (30, 20, 14), (20, 30, 15),
         (30, 20, 16), (20, 30, 17), (25, 25, 18), (30, 12, 19), (8, 30, 20)]
DIRECTORY = sys.argv[1] if len(sys.argv) > 1 else "tests/SpectralSensitivity.Tests/Fixtures"
OUTPUT = os.path.join(DIRECTORY, "highprecision-reference.json")
# Symmetric T = G + G^T and direction T1 likewise (n, seed); eigenvalues ascending, as in the library.
SYMMETRIC_CASES = [(6, 21), (12, 22), (20, 23), (25, 24)]
SYMMETRIC_OUTPUT = os.path.join(DIRECTORY, "highprecision-symmetric-reference.json")
EPSILON = mp.mpf(2) ** -52
FLOOR_SEEDS = (900, 901, 902)


def matrix(rows, columns, rng):
    return [[rng.gauss(0.0, 1.0) for _ in range(columns)] for _ in range(rows)]


def singular_values(a, e, t):
    m = mp.matrix([[mp.mpf(a[i][j]) + t * mp.mpf(e[i][j]) for j in range(len(a[0]))] for i in range(len(a))])
    return sorted(mp.svd_r(m, compute_uv=False), reverse=True)


def backward_perturbation(a, seed):
    """A + P with P Gaussian (its own generator) scaled to ||P||_2 = eps ||A||_2, kept at 50 digits."""
    rng = random.Random(seed)
    g = mp.matrix(matrix(len(a), len(a[0]), rng))
    norm_a = max(mp.svd_r(mp.matrix(a), compute_uv=False))
    scale = EPSILON * norm_a / max(mp.svd_r(g, compute_uv=False))
    return [[mp.mpf(a[i][j]) + scale * g[i, j] for j in range(len(a[0]))] for i in range(len(a))]


def conditioning_floor(a, e, keep, h, derivatives):
    """Per kept index and order, max over FLOOR_SEEDS of |D_n(A + P) - D_n(A)| (same nodes and interval)."""
    floor = {k: [mp.mpf(0)] * ORDER for k in keep}
    for seed in FLOOR_SEEDS:
        perturbed = backward_perturbation(a, seed)
        moved = reference_derivatives(lambda t: singular_values(perturbed, e, t), keep, h, digits=None)
        for k in keep:
            for n in range(ORDER):
                floor[k][n] = max(floor[k][n], abs(moved[k][n] - derivatives[k][n]))
    return {k: [mp.nstr(x, 6) for x in floor[k]] for k in keep}


def gaps(s, rows, columns):
    result = []
    for k, sk in enumerate(s):
        d = 2 * sk
        if rows != columns:
            d = min(d, sk)
        for i, si in enumerate(s):
            if i != k:
                d = min(d, abs(sk - si))
        result.append(d)
    return result


def chebyshev_to_taylor(values, h, order):
    n = len(values)
    coefficients = []
    for j in range(n):
        total = mp.fsum(values[p] * mp.cos(mp.pi * j * (p + mp.mpf(1) / 2) / n) for p in range(n))
        coefficients.append(total * (1 if j == 0 else 2) / n)
    # monomial coefficients of T_j(x): T_0 = 1, T_1 = x, T_{j+1} = 2x T_j - T_{j-1}
    taylor = [mp.mpf(0)] * n
    previous, current = [1], [0, 1]
    for j in range(n):
        poly = previous if j == 0 else current
        for power, c in enumerate(poly):
            taylor[power] += coefficients[j] * c
        if j >= 1:
            nxt = [0] * (len(current) + 1)
            for power, c in enumerate(current):
                nxt[power + 1] += 2 * c
            for power, c in enumerate(previous):
                nxt[power] -= c
            previous, current = current, nxt
    return [taylor[p] / h ** p for p in range(order + 1)]


def reference_derivatives(values_at, keep, h, digits=30):
    """D_1..D_ORDER at t = 0 of each kept index, from all values (sorted) at Chebyshev nodes on [-h, h];
    as strings of `digits` digits, or as mpf numbers when digits is None."""
    nodes = [h * mp.cos(mp.pi * (p + mp.mpf(1) / 2) / NODES) for p in range(NODES)]
    samples = [values_at(t) for t in nodes]
    result = {}
    for k in keep:
        taylor = chebyshev_to_taylor([samples[p][k] for p in range(NODES)], h, ORDER)
        exact = [taylor[j] * mp.factorial(j) for j in range(1, ORDER + 1)]
        result[k] = exact if digits is None else [mp.nstr(x, digits) for x in exact]
    return result


def symmetric(n, rng):
    g = matrix(n, n, rng)
    return [[g[i][j] + g[j][i] for j in range(n)] for i in range(n)]  # exact float64 sums, stored as such


def eigenvalues(t, e, x):
    m = mp.matrix([[mp.mpf(t[i][j]) + x * mp.mpf(e[i][j]) for j in range(len(t))] for i in range(len(t))])
    return sorted(mp.eigsy(m, eigvals_only=True))


def symmetric_main():
    out = []
    for n, seed in SYMMETRIC_CASES:
        started = time.time()
        rng = random.Random(seed)
        t = symmetric(n, rng)
        e = symmetric(n, rng)
        mu = eigenvalues(t, e, mp.mpf(0))
        scale = max(abs(x) for x in mu)
        d = [min(abs(mu[k] - mu[i]) for i in range(n) if i != k) for k in range(n)]
        e_norm = max(abs(x) for x in mp.eigsy(mp.matrix(e), eigvals_only=True))
        keep = [k for k in range(n) if d[k] >= mp.mpf("1e-2") * scale]
        h = min(d[k] / (2 * e_norm) for k in keep) / 4
        derivatives = reference_derivatives(lambda x: eigenvalues(t, e, x), keep, h)
        entries = [{
            "index": k + 1,
            "eigenvalue": mp.nstr(mu[k], 30),
            "relativeGap": mp.nstr(d[k] / scale, 6),
            "derivatives": derivatives[k],
        } for k in keep]
        out.append({"size": n, "t": t, "e": e, "entries": entries})
        print(f"symmetric {n}x{n}: kept {len(keep)} of {n} indices, h = {mp.nstr(h, 3)}, {time.time() - started:.0f} s", file=sys.stderr)
    with open(SYMMETRIC_OUTPUT, "w") as f:
        json.dump({"generator": "scripts/reference/make-highprecision-reference.py", "digits": 50, "nodes": NODES, "cases": out}, f)


def main():
    out = []
    for rows, columns, seed in CASES:
        started = time.time()
        rng = random.Random(seed)
        a = matrix(rows, columns, rng)
        e = matrix(rows, columns, rng)
        s0 = singular_values(a, e, mp.mpf(0))
        d = gaps(s0, rows, columns)
        e_norm = max(mp.svd_r(mp.matrix(e), compute_uv=False))
        keep = [k for k in range(len(s0)) if d[k] >= mp.mpf("1e-2") * s0[0]]
        h = min(d[k] / (2 * e_norm) for k in keep) / 4
        exact = reference_derivatives(lambda t: singular_values(a, e, t), keep, h, digits=None)
        floor = conditioning_floor(a, e, keep, h, exact)
        entries = [{
            "index": k + 1,
            "singularValue": mp.nstr(s0[k], 30),
            "relativeGap": mp.nstr(d[k] / s0[0], 6),
            "derivatives": [mp.nstr(x, 30) for x in exact[k]],
            "conditioningFloor": floor[k],
        } for k in keep]
        out.append({"rows": rows, "columns": columns, "a": a, "e": e, "entries": entries})
        print(f"{rows}x{columns}: kept {len(keep)} of {len(s0)} indices, h = {mp.nstr(h, 3)}, {time.time() - started:.0f} s", file=sys.stderr)
    with open(OUTPUT, "w") as f:
        json.dump({"generator": "scripts/reference/make-highprecision-reference.py", "digits": 50, "nodes": NODES, "cases": out}, f)


if __name__ == "__main__":
    main()
    symmetric_main()
