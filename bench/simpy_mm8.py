"""The benchmark's M/M/8 queue written the way a SimPy user would write it: the baseline that
Servicescope's engine is measured against.

Poisson arrivals feed a pool of eight servers (one simpy.Resource of capacity 8, so requests
beyond eight wait in its queue, first come first served); each request holds a server for an
exponential service time. Times are in milliseconds, as in the engine. The script prints one
line of JSON: how many requests it simulated, how long that took on the wall clock, the peak
resident memory of this process and the mean latency, so the bench can check that both sides
simulated the same queue.

Usage: python3 simpy_mm8.py REQUESTS RATE_PER_SEC SERVICE_MEAN_MS SERVERS SEED
"""

import json
import random
import resource
import sys
import time

import simpy


class Latencies:
    """A running sum, not a list: memory must not grow with the length of the run."""

    def __init__(self):
        self.count = 0
        self.total_ms = 0.0

    def record(self, latency_ms):
        self.count += 1
        self.total_ms += latency_ms


def source(env, servers, rng, count, rate_per_ms, service_mean_ms, latencies):
    for _ in range(count):
        yield env.timeout(rng.expovariate(rate_per_ms))
        env.process(request(env, servers, rng, service_mean_ms, latencies))


def request(env, servers, rng, service_mean_ms, latencies):
    arrived_ms = env.now
    with servers.request() as turn:
        yield turn
        yield env.timeout(rng.expovariate(1.0 / service_mean_ms))
    latencies.record(env.now - arrived_ms)


def main(argv):
    count = int(argv[1])
    rate_per_sec = float(argv[2])
    service_mean_ms = float(argv[3])
    server_count = int(argv[4])
    seed = int(argv[5])

    env = simpy.Environment()
    servers = simpy.Resource(env, capacity=server_count)
    latencies = Latencies()
    rng = random.Random(seed)
    env.process(
        source(env, servers, rng, count, rate_per_sec / 1000.0, service_mean_ms, latencies)
    )

    started = time.perf_counter()
    env.run()
    wall_sec = time.perf_counter() - started

    # On Linux ru_maxrss is in kilobytes.
    peak_rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result = {
        "requests": latencies.count,
        "wallSec": wall_sec,
        "peakRssMb": peak_rss_kb / 1024.0,
        "meanLatencyMs": latencies.total_ms / latencies.count,
        "simpyVersion": simpy.__version__,
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv)
