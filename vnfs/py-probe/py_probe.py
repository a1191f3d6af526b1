#!/usr/bin/env python3
"""py-probe: the reference ranlab VNF plug-in in Python (3.11, stdlib + pyzmq only).

It implements docs/plugin-contract.md (contract 1) end to end and is meant to be copied:
keep the contract parts, replace the parts marked PROBE with your VNF's own work.

  node config  ->  control channel (hello, status, heartbeats both ways, KPIs, stop, faults)
               ->  links (ZeroMQ PAIR sockets)  ->  clean exit with the right code

Keys read from the node's `config` map (durations: number + ns|us|µs|ms|s, or "0"):
  kpi-interval  default "100ms"  one `kpis` batch per interval
  finish-after  optional         after this long: STOPPING, FINISHED, exit 0
  fail-after    optional         after this long: ERROR "fail-after reached", exit 1

Probe link protocol (the Swift probe speaks it too): every 100 ms each side sends one frame
{"probe": <node name>, "seq": n} on each link (n = 1, 2, ... per link, counting frames actually
queued); a link is up once the first frame from the peer has arrived.

Exit codes: 0 finished, 1 error, 3 orchestrator gone (no heartbeat, or parent process died).
"""

import ctypes
import json
import math
import os
import re
import signal
import sys
import time

import zmq

CONTRACT = 1              # version of docs/plugin-contract.md this file implements
PROBE_PERIOD = 0.100      # PROBE: seconds between probe frames on each link
EXIT_OK, EXIT_ERROR, EXIT_ORPHANED = 0, 1, 3
PR_SET_PDEATHSIG = 1      # from <linux/prctl.h>

_sigterm = False          # set by the SIGTERM handler, acted on by the main loop


def _on_sigterm(signum, frame):
    global _sigterm
    _sigterm = True       # only set a flag: the main loop wakes at least every 250 ms


def log(text):
    # stdout and stderr are appended to the node's log (`ranlab logs LAB NODE`).
    print(f"{os.environ.get('RANLAB_NODE', 'py-probe')}: {text}", file=sys.stderr, flush=True)


_DURATION = re.compile(r"^([0-9]+(?:\.[0-9]*)?|\.[0-9]+)(ns|us|µs|ms|s)$")
_SCALE = {"ns": 1e-9, "us": 1e-6, "µs": 1e-6, "ms": 1e-3, "s": 1.0}


def parse_duration(value):
    """'100ms' -> 0.1 seconds; same syntax as the Bus (docs/topology.md). Raises ValueError."""
    if value == "0":
        return 0.0
    m = _DURATION.match(value) if isinstance(value, str) else None
    if not m:
        raise ValueError(f"{value!r} is not a duration (number + ns, us, µs, ms or s)")
    return float(m.group(1)) * _SCALE[m.group(2)]


def set_parent_death_signal():
    """Linux: ask the kernel for SIGTERM when our parent dies (best effort; getppid() is polled too)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, int(signal.SIGTERM), 0, 0, 0)
    except (OSError, AttributeError):
        pass


class Probe:
    def __init__(self, cfg, started):
        self.cfg = cfg
        self.started = started                     # time.monotonic() at process start
        self.node = str(cfg["node"])
        control = cfg["control"]
        # As VNFKit does: heartbeat at most every 10 ms, time out after no less than two intervals.
        self.hb_interval = max(0.01, float(control["heartbeatInterval"]))
        self.hb_timeout = max(float(control["heartbeatTimeout"]), 2 * self.hb_interval)
        self.parent_pid = cfg.get("orchestratorPID")
        self.status = None
        self.last_heard = time.monotonic()         # last message of any kind from the orchestrator

        # Control channel: DEALER, routing id = node name, connected to the orchestrator's ROUTER.
        self.ctx = zmq.Context()
        self.control = self.ctx.socket(zmq.DEALER)
        self.control.setsockopt(zmq.ROUTING_ID, self.node.encode())
        self.control.setsockopt(zmq.LINGER, 500)   # lets the last status leave before exit
        self.control.setsockopt(zmq.SNDHWM, 100_000)
        self.control.connect(control["address"])
        self.poller = zmq.Poller()
        self.poller.register(self.control, zmq.POLLIN)

        # Links (PROBE state). `received` outlives a link so its counter keeps being reported.
        self.links = {}        # link id -> open PAIR socket
        self.link_of = {}      # socket -> link id
        self.received = {}     # link id -> frames received so far
        self.sent = {}         # link id -> seq of the last frame sent
        self.up = set()        # link ids that have heard from their peer
        self.kpi_seq = 0

    # ---- control channel: VNF -> orchestrator ---------------------------------------------

    def send(self, msg):
        # Never block: if the orchestrator stopped reading, the heartbeat timeout ends us anyway.
        try:
            self.control.send(json.dumps(msg, separators=(",", ":")).encode(), zmq.NOBLOCK)
        except zmq.Again:
            log(f"control queue full, dropped {msg['type']}")

    def report(self, status, detail=None):
        self.status = status
        msg = {"type": "status", "status": status}
        if detail is not None:
            msg["detail"] = detail
        self.send(msg)

    def nack(self, command, reason):
        self.send({"type": "nack", "command": command, "reason": reason})

    # ---- ways out ---------------------------------------------------------------------------

    def exit(self, code, ack_wait):
        """Wait (briefly) for the orchestrator's `ack` of our last status, then exit."""
        deadline = time.monotonic() + ack_wait
        while (left := deadline - time.monotonic()) > 0:
            if not self.control.poll(math.ceil(left * 1000)):
                break
            try:
                msg = json.loads(self.control.recv())
            except ValueError:
                continue
            if isinstance(msg, dict) and msg.get("type") == "ack":
                break
        self.close_links()
        self.control.close()                        # LINGER flushes what is still queued
        self.ctx.term()
        sys.exit(code)

    def finish(self, detail, grace=2.0):
        """stop command, SIGTERM or finish-after: STOPPING, close links, FINISHED, exit 0."""
        log(f"stopping: {detail}")
        if self.status != "STOPPING":
            self.report("STOPPING", detail)
        self.close_links()
        self.report("FINISHED")
        self.exit(EXIT_OK, ack_wait=min(1.0, grace / 2))

    def fail(self, detail):
        log(f"error: {detail}")
        self.close_links()
        self.report("ERROR", detail)
        self.exit(EXIT_ERROR, ack_wait=1.0)

    def orphaned(self, why):
        # The orchestrator is gone: nobody to report to. Exit at once, without lingering.
        log(f"exiting: {why}")
        os._exit(EXIT_ORPHANED)

    def parent_gone(self):
        return isinstance(self.parent_pid, int) and os.getppid() != self.parent_pid

    def hang(self):
        """fault hang: no more reading or heartbeats, but stay alive until killed."""
        log("fault hang: not reading, not heartbeating")
        signal.signal(signal.SIGTERM, signal.SIG_DFL)   # a hung process just dies on SIGTERM
        while True:
            time.sleep(0.25)
            if self.parent_gone():                       # still no orphans
                os._exit(EXIT_ORPHANED)

    # ---- control channel: orchestrator -> VNF -----------------------------------------------

    def read_control(self):
        while True:
            try:
                raw = self.control.recv(zmq.NOBLOCK)
            except zmq.Again:
                return
            self.last_heard = time.monotonic()      # every message counts for liveness
            try:
                msg = json.loads(raw)
                kind = msg["type"]
            except (ValueError, TypeError, KeyError):
                log(f"ignoring bad control message {raw[:200]!r}")
                continue
            if kind in ("heartbeat", "ack"):
                continue
            if kind == "stop":
                grace = msg.get("grace", 2.0)
                self.finish(msg.get("reason") or "stop", grace if isinstance(grace, (int, float)) else 2.0)
            elif kind == "fault":
                self.fault(msg)
            else:
                self.nack(str(kind), f"unknown command '{kind}'")

    def fault(self, msg):
        name = msg.get("fault")
        if name == "crash":
            os.abort()                                   # SIGABRT, as a bug would
        elif name == "exit":
            code = msg.get("code")
            if isinstance(code, int) and not isinstance(code, bool) and 0 <= code <= 255:
                os._exit(code)                           # no status, no cleanup
            self.nack("fault", f"fault exit needs an integer code 0-255, got {code!r}")
        elif name == "error":
            self.fail(msg.get("detail") or "injected fault")
        elif name == "hang":
            self.hang()
        elif name == "link-down":
            link = msg.get("link")
            if link in self.links:
                log(f"fault link-down: closing link {link}")
                self.close_link(link)
                self.maybe_active()
            else:
                self.nack("fault", f"link-down: no open link {link!r}")
        else:
            self.nack("fault", f"fault '{name}' is not implemented by py-probe")

    # ---- links (PROBE) --------------------------------------------------------------------

    def open_links(self):
        links = self.cfg.get("links") or []
        # Check every link before opening any, so a refusal leaves nothing half bound.
        for link in links:
            if link.get("transport") != "zmq":
                log(f"link {link.get('id')}: transport {link.get('transport')!r} not supported")
                self.fail("py-probe supports zmq links only")
            if link.get("side") not in ("bind", "connect"):
                self.fail(f"link {link.get('id')}: side must be bind or connect, got {link.get('side')!r}")
        for link in links:
            lid, address = str(link["id"]), link["address"]   # `address`: plain libzmq, no Bus query
            sock = self.ctx.socket(zmq.PAIR)
            sock.setsockopt(zmq.LINGER, 0)
            try:
                if link["side"] == "bind":
                    sock.bind(address)
                else:
                    sock.setsockopt(zmq.IMMEDIATE, 1)  # drop (EAGAIN) instead of queueing for a peer not there yet
                    sock.connect(address)
            except zmq.ZMQError as e:
                sock.close()
                self.fail(f"link {lid}: cannot {link['side']} {address}: {e}")
            self.links[lid] = sock
            self.link_of[sock] = lid
            self.received[lid] = 0
            self.sent[lid] = 0
            self.poller.register(sock, zmq.POLLIN)

    def close_link(self, lid):
        sock = self.links.pop(lid)
        del self.link_of[sock]
        self.poller.unregister(sock)
        sock.close()

    def close_links(self):
        for lid in list(self.links):
            self.close_link(lid)

    def send_probes(self):
        for lid, sock in self.links.items():
            frame = json.dumps({"probe": self.node, "seq": self.sent[lid] + 1}).encode()
            try:
                sock.send(frame, zmq.NOBLOCK)
                self.sent[lid] += 1
            except zmq.Again:
                pass                                     # no peer yet, or it is slow: drop it

    def read_link(self, sock):
        lid = self.link_of[sock]
        while True:
            try:
                sock.recv(zmq.NOBLOCK)
            except zmq.Again:
                break
            self.received[lid] += 1
        if lid not in self.up:
            self.up.add(lid)
            log(f"link {lid} up")
            self.maybe_active()

    def maybe_active(self):
        # ACTIVE once every open link has heard from its peer (at once without links).
        # Never back to READY: a link that goes down later leaves the status alone.
        if self.status == "READY" and all(lid in self.up for lid in self.links):
            self.report("ACTIVE")

    def send_kpis(self):
        self.kpi_seq += 1                                # one per batch, never skipping
        now = time.time()
        samples = [{"name": "ranlab_probe_kpi_seq", "value": self.kpi_seq, "time": now}]
        for lid, count in self.received.items():
            samples.append({"name": "ranlab_probe_link_messages_total", "value": count,
                            "labels": {"link": lid}, "time": now})
        self.send({"type": "kpis", "samples": samples})

    # ---- the main loop ----------------------------------------------------------------------

    def run(self):
        self.send({"type": "hello", "node": self.node, "pid": os.getpid(),
                   "instance": self.cfg.get("instance", 0), "contract": CONTRACT})
        self.report("BOOTING")
        if self.parent_gone():                           # the parent may have died before prctl
            self.orphaned(f"the orchestrator (pid {self.parent_pid}) is gone")

        contract = self.cfg.get("contract", 1)
        if not isinstance(contract, int) or contract > CONTRACT:
            self.fail(f"node config uses plug-in contract {contract}; py-probe knows up to {CONTRACT}")
        options = self.cfg.get("config") or {}
        try:
            kpi_interval = parse_duration(options.get("kpi-interval", "100ms"))
            finish_after = options.get("finish-after")
            fail_after = options.get("fail-after")
            finish_at = None if finish_after is None else self.started + parse_duration(finish_after)
            fail_at = None if fail_after is None else self.started + parse_duration(fail_after)
        except ValueError as e:
            self.fail(f"config: {e}")
        if kpi_interval <= 0:
            self.fail("config: kpi-interval must be more than 0")

        self.open_links()
        self.report("READY")                             # every bind side is listening
        self.maybe_active()

        now = time.monotonic()
        next_hb, next_probe, next_kpi = now + self.hb_interval, now, now + kpi_interval
        while True:
            now = time.monotonic()
            # 1. Reasons to stop.
            if self.parent_gone():                       # checked first: SIGTERM may be the parent-death signal
                self.orphaned(f"the orchestrator (pid {self.parent_pid}) is gone")
            if _sigterm:
                self.finish("SIGTERM", grace=1.0)        # SIGKILL follows 1 s after SIGTERM
            if now - self.last_heard > self.hb_timeout:
                self.orphaned(f"no word from the orchestrator for {self.hb_timeout:g} s")
            if fail_at is not None and now >= fail_at:
                self.fail("fail-after reached")
            if finish_at is not None and now >= finish_at:
                self.finish("finish-after reached")

            # 2. Timers. Missed heartbeat/probe ticks are not made up; KPI batches are, so a
            #    sub-millisecond kpi-interval keeps its rate (poll() has 1 ms resolution).
            if now >= next_hb:
                self.send({"type": "heartbeat"})
                next_hb = max(next_hb + self.hb_interval, now)
            if now >= next_probe:
                self.send_probes()
                next_probe = max(next_probe + PROBE_PERIOD, now)
            if now - next_kpi > 0.1:                     # stalled: skip ahead rather than burst
                next_kpi = now
            while now >= next_kpi:
                self.send_kpis()
                next_kpi += kpi_interval

            # 3. Sleep until the next timer or an incoming message; no busy loop.
            deadline = min(t for t in (next_hb, next_probe, next_kpi, finish_at, fail_at,
                                       self.last_heard + self.hb_timeout, now + 0.25) if t is not None)
            timeout_ms = max(0, math.ceil((deadline - time.monotonic()) * 1000))
            for sock, _ in self.poller.poll(timeout_ms):
                if sock is self.control:
                    self.read_control()
                elif sock in self.link_of:               # skip a link closed earlier in this round
                    self.read_link(sock)


def main():
    started = time.monotonic()
    signal.signal(signal.SIGTERM, _on_sigterm)          # SIGTERM means the same as `stop`
    set_parent_death_signal()
    path = os.environ.get("RANLAB_NODE_CONFIG")
    if not path:
        log("RANLAB_NODE_CONFIG is not set: this is a ranlab VNF, started by `ranlab deploy`")
        return EXIT_ERROR
    try:
        with open(path, encoding="utf-8") as f:
            cfg = json.load(f)
        probe = Probe(cfg, started)
    except (OSError, ValueError, KeyError, TypeError, zmq.ZMQError) as e:
        # Without a usable control address there is nobody to report to: log and exit.
        log(f"cannot start from node config {path}: {e!r}")
        return EXIT_ERROR
    try:
        probe.run()
    except (KeyError, TypeError, ValueError, AttributeError) as e:   # a malformed node config entry
        probe.fail(f"bad node config: {e!r}")
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
