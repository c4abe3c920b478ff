#!/usr/bin/env python3
"""Benchmark `spectral serve` against one `spectral` process per request.

Requests: `derivatives` of a 6 x 10 matrix A along E, orders 1..4, all k (`"index": "all"`: the six singular
values in one answer), over 50 random (A, E) pairs written as .npy files. Serve answers all N requests in one process (a client writes a line and
reads a line, as docs/cli.md shows); separate invocations run a sample of the same requests, one process each,
and are extrapolated to N. Every sampled answer of serve is compared with the separate invocation's output: same
keys and integers, and the largest relative difference of the numbers is printed (with Intel MKL the last bits may
differ from process to process, as MKL's results depend on memory alignment unless MKL_CBWR is set; with
SPECTRAL_PROVIDER=managed or MKL_CBWR=COMPATIBLE the answers are bit-identical).

    dotnet build -c Release src/SpectralSensitivity.Cli
    /usr/bin/python3 scripts/bench-serve.py --spectral src/SpectralSensitivity.Cli/bin/Release/net10.0/spectral

Only the Python standard library is used (the .npy files are written by hand).
"""
import argparse
import json
import random
import struct
import subprocess
import tempfile
import time
from pathlib import Path


def write_npy(path, rows, columns, values):
    header = "{'descr': '<f8', 'fortran_order': False, 'shape': (%d, %d), }" % (rows, columns)
    padding = 64 - (10 + len(header) + 1) % 64
    header = header + " " * (padding % 64) + "\n"
    with open(path, "wb") as f:
        f.write(b"\x93NUMPY\x01\x00" + struct.pack("<H", len(header)) + header.encode("ascii"))
        f.write(struct.pack("<%dd" % len(values), *values))


def requests(folder, count, pairs=50, rows=6, columns=10, order=4):
    rng = random.Random(20261129)
    files = []
    for p in range(pairs):
        a, e = folder / f"A{p}.npy", folder / f"E{p}.npy"
        write_npy(a, rows, columns, [rng.gauss(0, 1) for _ in range(rows * columns)])
        write_npy(e, rows, columns, [rng.gauss(0, 1) for _ in range(rows * columns)])
        files.append((str(a), str(e)))
    out = []
    for j in range(count):
        a, e = files[j % pairs]
        out.append({"command": "derivatives", "matrix": a, "direction": e, "index": "all", "order": order})
    return out


def run_serve(spectral, reqs):
    start = time.perf_counter()
    server = subprocess.Popen([spectral, "serve"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)
    answers = []
    for request in reqs:
        server.stdin.write(json.dumps(request) + "\n")
        server.stdin.flush()
        answers.append(json.loads(server.stdout.readline()))
    server.stdin.close()
    code = server.wait()
    elapsed = time.perf_counter() - start
    assert code == 0, f"serve exited with {code}"
    return elapsed, answers


def run_separate(spectral, reqs):
    start = time.perf_counter()
    answers = []
    for r in reqs:
        args = [spectral, r["command"], "--matrix", r["matrix"], "--direction", r["direction"],
                "--index", str(r["index"]), "--order", str(r["order"]), "--json"]
        done = subprocess.run(args, capture_output=True, text=True, check=True)
        answers.append(json.loads(done.stdout))
    return time.perf_counter() - start, answers


def relative_difference(a, b):
    """The largest |x - y| / max(|x|, |y|) over the numbers of two answers with the same keys and shapes."""
    if isinstance(a, dict):
        assert a.keys() == b.keys(), (a.keys(), b.keys())
        return max((relative_difference(a[k], b[k]) for k in a), default=0.0)
    if isinstance(a, list):
        assert len(a) == len(b)
        return max((relative_difference(x, y) for x, y in zip(a, b)), default=0.0)
    if isinstance(a, float) or isinstance(b, float):
        return 0.0 if a == b else abs(a - b) / max(abs(a), abs(b))
    assert a == b, (a, b)
    return 0.0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--spectral", required=True, help="path of the spectral executable")
    parser.add_argument("--requests", type=int, default=10_000)
    parser.add_argument("--sample", type=int, default=300, help="requests run as separate processes")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        reqs = requests(Path(tmp), args.requests)
        serve_seconds, serve_answers = run_serve(args.spectral, reqs)
        separate_seconds, separate_answers = run_separate(args.spectral, reqs[: args.sample])
    pairs = list(zip(serve_answers, separate_answers))
    identical = sum(a == b for a, b in pairs)
    worst = max(relative_difference(a, b) for a, b in pairs)
    errors = sum("error" in a for a in serve_answers)
    per_serve = serve_seconds / len(reqs)
    per_separate = separate_seconds / args.sample
    print(f"serve:    {len(reqs)} requests in {serve_seconds:.2f} s = {per_serve * 1e3:.3f} ms per request (start-up included)")
    print(f"separate: {args.sample} requests in {separate_seconds:.2f} s = {per_separate * 1e3:.1f} ms per request (measured sample)")
    print(f"separate, extrapolated to {len(reqs)} requests: {per_separate * len(reqs):.0f} s (= {args.sample}-request sample x {len(reqs) // args.sample if len(reqs) % args.sample == 0 else len(reqs) / args.sample:g})")
    print(f"speed-up: {per_separate / per_serve:.0f}x")
    print(f"answers checked: {identical} of {args.sample} sampled serve answers are bit-identical to the separate outputs, "
          f"the largest relative difference of any number is {worst:.1e}; error answers: {errors}")


if __name__ == "__main__":
    main()
