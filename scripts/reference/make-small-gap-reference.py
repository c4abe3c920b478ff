#!/usr/bin/python3
"""High-precision reference derivatives at small gaps, for the accuracy figure of docs/accuracy.md.

A = Q1 diag(3, 1 + g, 1, 0.5) Q2^T (5 x 4, random orthonormal factors, rounded to float64 and stored
exactly), E with N(0, 1) entries, for relative gaps g from 1e-4 down to 1e-14 and three seeds. The
derivatives D_1..D_8 of s_2 and s_3 of A + tE at t = 0 are computed exactly as in
make-highprecision-reference.py (50-digit SVDs at Chebyshev nodes, converted to Taylor coefficients),
whose functions this script reuses.

Output: tests/SpectralSensitivity.Tests/Fixtures/small-gap-reference.json.
Run (Debian python3-mpmath, a few seconds):
  /usr/bin/python3 scripts/reference/make-small-gap-reference.py [output-directory]
"""
import importlib.util
import json
import os
import random
import sys

import mpmath as mp

HERE = os.path.dirname(os.path.abspath(__file__))
SPEC = importlib.util.spec_from_file_location("reference", os.path.join(HERE, "make-highprecision-reference.py"))
REFERENCE = importlib.util.module_from_spec(SPEC)
sys.argv = sys.argv[:2]
SPEC.loader.exec_module(REFERENCE)

GAPS = ["1e-4", "1e-6", "1e-8", "1e-10", "1e-12", "1e-13", "3e-14", "1e-14"]
SEEDS = [1, 2, 3]
DIRECTORY = sys.argv[1] if len(sys.argv) > 1 else "tests/SpectralSensitivity.Tests/Fixtures"
OUTPUT = os.path.join(DIRECTORY, "small-gap-reference.json")


def orthonormal_columns(rows, columns, rng):
    q, _ = mp.qr(mp.matrix(REFERENCE.matrix(rows, columns, rng)))
    return q[:, :columns]


def main():
    cases = []
    for seed in SEEDS:
        rng = random.Random(seed)
        q1 = orthonormal_columns(5, 4, rng)
        q2 = orthonormal_columns(4, 4, rng)
        e = REFERENCE.matrix(5, 4, rng)
        for g in GAPS:
            sigma = mp.diag([3, 1 + mp.mpf(g), 1, mp.mpf("0.5")])
            exact = q1 * sigma * q2.T
            a = [[float(exact[i, j]) for j in range(4)] for i in range(5)]
            s0 = REFERENCE.singular_values(a, e, mp.mpf(0))
            d = REFERENCE.gaps(s0, 5, 4)
            e_norm = max(mp.svd_r(mp.matrix(e), compute_uv=False))
            keep = [1, 2]
            h = min(d[k] / (2 * e_norm) for k in keep) / 4
            derivatives = REFERENCE.reference_derivatives(lambda t: REFERENCE.singular_values(a, e, t), keep, h)
            cases.append({
                "seed": seed,
                "relativeGap": g,
                "a": a,
                "e": e,
                "entries": [{"index": k + 1, "singularValue": mp.nstr(s0[k], 30), "gap": mp.nstr(d[k], 30), "derivatives": derivatives[k]} for k in keep],
            })
            print(f"seed {seed}, g = {g}: gap {mp.nstr(d[1], 6)}", file=sys.stderr)
    with open(OUTPUT, "w") as f:
        json.dump({"generator": "scripts/reference/make-small-gap-reference.py", "digits": 50, "cases": cases}, f)


main()
