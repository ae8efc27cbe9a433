#!/usr/bin/env python3
"""Optuna's TPE sampler as a baseline for perfopt's effectiveness evaluation.

Drives simulated surface agents through the same HTTP protocol perfopt uses (PUT knobs with the
agent's bearer token, GET the metrics document) and advances the simulated clock through the
harness's POST /admin/clock/advance?seconds=N. One study per agent, all agents in lockstep. The
start configuration is measured first and added to the study as a completed trial (it costs no
change). Each trial then applies the sampled configuration, lets it settle 10 s, observes it for
60 s polled every 10 s (the measured value is the mean of the polls' responseTimeMs, as for the
other methods), tells the study, and keeps the configuration deployed if it is the best measured
so far, otherwise goes back to the best one. Prints one JSON line per change:
{"agent", "at", "before", "candidate", "kept"}.

Run by io.perfopt.benchmarks.eval.OptunaMethod; needs python3-optuna (Debian).
"""
import argparse
import json
import sys
import urllib.request

import optuna

KNOBS = {
    "pool.size": ("int", 1, 100),
    "prefetch.ratio": ("float", 0.0, 1.0),
    "compression.level": ("int", 0, 9),
    "flush.interval.ms": ("int", 10, 1000),
}


def request(method, url, body=None, token=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, method=method)
    req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(req, timeout=10) as answer:
        return json.loads(answer.read().decode())


class Fleet:
    def __init__(self, base, clock, token_prefix):
        self.base = base.rstrip("/") + "/"
        self.clock = clock.rstrip("/")
        self.token_prefix = token_prefix
        self.now = None

    def advance(self, seconds):
        self.now = request("POST", f"{self.clock}/admin/clock/advance?seconds={seconds}")["now"]

    def poll(self, agent):
        doc = request("GET", f"{self.base}agents/{agent}/metrics")
        value = doc.get("metrics", {}).get("responseTimeMs")
        return None if value is None else float(value)

    def apply(self, agent, current, wanted):
        for knob, value in wanted.items():
            if current.get(knob) != value:
                request("PUT", f"{self.base}agents/{agent}/control/knobs/{knob}", {"value": value},
                        self.token_prefix + agent)

    def settle(self, agents, settle):
        self.advance(settle)
        for agent in agents:
            self.poll(agent)

    def measure(self, agents, window, poll):
        sums = {a: [] for a in agents}
        for _ in range(window // poll):
            self.advance(poll)
            for agent in agents:
                value = self.poll(agent)
                if value is not None:
                    sums[agent].append(value)
        return {a: (sum(v) / len(v) if v else float("inf")) for a, v in sums.items()}


def distributions():
    out = {}
    for name, (kind, low, high) in KNOBS.items():
        out[name] = (optuna.distributions.IntDistribution(low, high) if kind == "int"
                     else optuna.distributions.FloatDistribution(low, high))
    return out


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--base", required=True)
    p.add_argument("--clock", required=True)
    p.add_argument("--starts", required=True, help="JSON: agent -> {knob: value}")
    p.add_argument("--token-prefix", default="eval-")
    p.add_argument("--budget", type=int, default=16)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--settle", type=int, default=10)
    p.add_argument("--window", type=int, default=60)
    p.add_argument("--poll", type=int, default=10)
    a = p.parse_args()
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    starts = json.loads(a.starts)
    agents = list(starts)
    fleet = Fleet(a.base, a.clock, a.token_prefix)
    dists = distributions()
    current = {ag: {k: (int(v) if KNOBS[k][0] == "int" else float(v)) for k, v in starts[ag].items()} for ag in agents}

    fleet.settle(agents, a.settle)
    start_values = fleet.measure(agents, a.window, a.poll)
    studies, best = {}, {}
    for i, ag in enumerate(agents):
        study = optuna.create_study(direction="minimize",
                                    sampler=optuna.samplers.TPESampler(seed=a.seed * 100 + i))
        study.add_trial(optuna.trial.create_trial(params=dict(current[ag]), distributions=dists,
                                                  value=start_values[ag]))
        studies[ag] = study
        best[ag] = (start_values[ag], dict(current[ag]))

    for _ in range(a.budget):
        trials = {}
        for ag in agents:
            trial = studies[ag].ask(dists)
            candidate = {k: trial.params[k] for k in KNOBS}
            fleet.apply(ag, current[ag], candidate)
            trials[ag] = (trial, dict(current[ag]), candidate)
            current[ag] = candidate
        fleet.settle(agents, a.settle)
        values = fleet.measure(agents, a.window, a.poll)
        for ag in agents:
            trial, before, candidate = trials[ag]
            studies[ag].tell(trial, values[ag])
            kept = values[ag] < best[ag][0]
            if kept:
                best[ag] = (values[ag], candidate)
            else:
                fleet.apply(ag, candidate, best[ag][1])
                current[ag] = dict(best[ag][1])
            print(json.dumps({"agent": ag, "at": fleet.now, "before": before, "candidate": candidate,
                              "kept": kept}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
