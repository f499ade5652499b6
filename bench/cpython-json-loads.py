#!/usr/bin/env python3
"""The issue's reference point for the Redis feed (#4), measured on the machine at hand: CPython's json.loads alone
over the payloads RedisFeedBench publishes (tickbus quotes over 100 symbols) and over the real cryptofeed lines.
Prints messages per second, best of five one-second rounds. Usage: python3 bench/cpython-json-loads.py"""
import json
import pathlib
import time


def bench_payloads():
    return [('{"v":1,"type":"quote","sym":"SYM%d","seq":%d,"ts":1700000000000000000,"bid":"101.25",'
             '"bidSize":"3.5","ask":"101.5","askSize":"2"}' % (i % 100, 1_000_000 + i)).encode() for i in range(128)]


def cryptofeed_lines():
    for base in (pathlib.Path(__file__).resolve().parent.parent.parent / "shared", pathlib.Path("/work/shared")):
        path = base / "data" / "json" / "cryptofeed_trades_COINBASE.jsonl"
        if path.exists():
            return [line.encode() for line in path.read_text().splitlines()[:128]]
    return []


def rate(payloads):
    best = 0.0
    for _ in range(5):
        count = 0
        start = time.perf_counter()
        while time.perf_counter() - start < 1.0:
            for payload in payloads:
                json.loads(payload)
            count += len(payloads)
        best = max(best, count / (time.perf_counter() - start))
    return best


if __name__ == "__main__":
    print("json.loads, RedisFeedBench quotes: %.0f k msg/s" % (rate(bench_payloads()) / 1e3))
    lines = cryptofeed_lines()
    if lines:
        print("json.loads, cryptofeed trades:     %.0f k msg/s" % (rate(lines) / 1e3))
