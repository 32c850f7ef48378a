#!/usr/bin/env python3
"""Latency of one route over a single kept-alive HTTP connection, as a notebook or service client sees it.

Usage: keepalive.py HOST PORT TOKEN PATH N BODY  (BODY '' for GET; "{i}" in BODY is replaced by the request number)
Prints p50/p90/p99 in milliseconds; exits 1 at the first answer that is not 200.
"""
import http.client, sys, time, json
host, port, token, path, n, body = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], int(sys.argv[5]), sys.argv[6]
c = http.client.HTTPConnection(host, port)
h = {"Authorization": "Bearer " + token, "Content-Type": "application/json"}
ts = []
for i in range(n):
    b = body.replace("{i}", str(i))
    t0 = time.perf_counter()
    c.request("POST" if b else "GET", path, body=b or None, headers=h)
    r = c.getresponse(); r.read()
    ts.append((time.perf_counter() - t0) * 1000)
    if r.status != 200: print("status", r.status); sys.exit(1)
ts.sort()
print("p50 %.2f ms p90 %.2f ms p99 %.2f ms (%d requests, one kept-alive connection)" % (ts[n // 2], ts[int(n * 0.9)], ts[int(n * 0.99)], n))
