"""ranlab_plugin: the ranlab VNF plug-in contract (docs/plugin-contract.md, version 1) in Python.

Python 3.11, stdlib + pyzmq. Keep this file as it is when you copy the xApp; it knows nothing
about E2. What it does for you:

  * reads the node config ($RANLAB_NODE_CONFIG) and opens the control channel (DEALER, routing
    id = node name) to the orchestrator: hello, status, heartbeats, KPIs, nack;
  * obeys `stop` / SIGTERM (STOPPING, your `on_stop` hook, FINISHED, exit 0) and the faults
    crash, exit, error, hang and link-down (through your `on_link_down` hook);
  * never leaves an orphan: exits 3 when the orchestrator falls silent or its parent dies;
  * runs the event loop: your sockets (`watch`) and your timers (the `tick` callback).

Use:

    plugin = Plugin.from_env("my-vnf")        # logs and exits 1 without a usable node config
    plugin.on_stop = lambda budget: ...       # optional: tidy up within `budget` seconds
    plugin.watch(sock, handler)               # handler() runs when sock is readable
    plugin.run(tick)                          # tick(now) -> next monotonic deadline or None

`plugin.fail(detail)` reports ERROR and exits 1; `plugin.report(status, detail)` and
`plugin.kpis([(name, value, labels), ...])` talk to the orchestrator.
Exit codes: 0 finished, 1 error, 3 orchestrator gone.
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

CONTRACT = 1                        # version of docs/plugin-contract.md implemented here
EXIT_OK, EXIT_ERROR, EXIT_ORPHANED = 0, 1, 3
_PR_SET_PDEATHSIG = 1               # <linux/prctl.h>
_sigterm = False


def log(text):
    """One line to stderr, which ranlab appends to the node's log (`ranlab logs LAB NODE`)."""
    print(f"{os.environ.get('RANLAB_NODE', 'vnf')}: {text}", file=sys.stderr, flush=True)


_DURATION = re.compile(r"^([0-9]+(?:\.[0-9]*)?|\.[0-9]+)(ns|us|µs|ms|s)$")
_SCALE = {"ns": 1e-9, "us": 1e-6, "µs": 1e-6, "ms": 1e-3, "s": 1.0}


def parse_duration(value):
    """'100ms' -> 0.1 (seconds), the Bus syntax of docs/topology.md; "0" -> 0. Raises ValueError."""
    if value == "0" or value == 0:
        return 0.0
    m = _DURATION.match(value) if isinstance(value, str) else None
    if not m:
        raise ValueError(f"{value!r} is not a duration (number + ns, us, µs, ms or s)")
    return float(m.group(1)) * _SCALE[m.group(2)]


class Plugin:
    def __init__(self, cfg, name="vnf"):
        self.started = time.monotonic()
        self.cfg = cfg
        self.name = name                                  # the VNF's own name, for messages
        self.node = str(cfg["node"])
        self.options = cfg.get("config") or {}            # the topology node's `config` map
        self.links = cfg.get("links") or []
        control = cfg["control"]
        # As VNFKit: heartbeat at most every 10 ms, time out after no less than two intervals.
        self.hb_interval = max(0.01, float(control["heartbeatInterval"]))
        self.hb_timeout = max(float(control["heartbeatTimeout"]), 2 * self.hb_interval)
        self.parent_pid = cfg.get("orchestratorPID")
        self.status = None
        self.last_heard = time.monotonic()
        self.on_stop = None          # on_stop(budget_seconds): called once, between STOPPING and FINISHED
        self.on_link_down = None     # on_link_down(link_id) -> True if it closed that link
        self._handlers = {}          # socket -> handler()

        self.ctx = zmq.Context()
        self.control = self.ctx.socket(zmq.DEALER)
        self.control.setsockopt(zmq.ROUTING_ID, self.node.encode())
        self.control.setsockopt(zmq.LINGER, 500)          # the last status leaves before exit
        self.control.setsockopt(zmq.SNDHWM, 100_000)
        self.control.connect(control["address"])
        self.poller = zmq.Poller()
        self.poller.register(self.control, zmq.POLLIN)

    @classmethod
    def from_env(cls, name="vnf"):
        """Read $RANLAB_NODE_CONFIG and connect; without a usable config nobody hears us: exit 1."""
        signal.signal(signal.SIGTERM, _on_sigterm)       # SIGTERM means the same as `stop`
        _set_parent_death_signal()
        path = os.environ.get("RANLAB_NODE_CONFIG")
        if not path:
            log(f"RANLAB_NODE_CONFIG is not set: {name} is a ranlab VNF, started by `ranlab deploy`")
            sys.exit(EXIT_ERROR)
        try:
            with open(path, encoding="utf-8") as f:
                plugin = cls(json.load(f), name)
        except (OSError, ValueError, KeyError, TypeError, zmq.ZMQError) as e:
            log(f"cannot start from node config {path}: {e!r}")
            sys.exit(EXIT_ERROR)
        plugin._hello()
        return plugin

    def link(self, interface):
        """This node's link end on `interface` (a dict of the node config), or None."""
        return next((l for l in self.links if l.get("interface") == interface), None)

    # ---- VNF -> orchestrator --------------------------------------------------------------

    def send(self, msg):
        try:                                              # never block on a slow orchestrator
            self.control.send(json.dumps(msg, separators=(",", ":")).encode(), zmq.NOBLOCK)
        except zmq.Again:
            log(f"control queue full, dropped {msg['type']}")

    def report(self, status, detail=None):
        self.status = status
        msg = {"type": "status", "status": status}
        if detail is not None:
            msg["detail"] = detail
        self.send(msg)

    def kpis(self, samples):
        """samples: (name, value) or (name, value, labels) tuples, sent as one `kpis` batch."""
        now = time.time()
        batch = []
        for name, value, *labels in samples:
            s = {"name": name, "value": value, "time": now}
            if labels and labels[0]:
                s["labels"] = {k: str(v) for k, v in labels[0].items()}
            batch.append(s)
        if batch:
            self.send({"type": "kpis", "samples": batch})

    def nack(self, command, reason):
        self.send({"type": "nack", "command": command, "reason": reason})

    def _hello(self):
        self.send({"type": "hello", "node": self.node, "pid": os.getpid(),
                   "instance": self.cfg.get("instance", 0), "contract": CONTRACT})
        self.report("BOOTING")
        if self._parent_gone():                           # it may have died before prctl
            self._orphaned(f"the orchestrator (pid {self.parent_pid}) is gone")
        contract = self.cfg.get("contract", 1)
        if not isinstance(contract, int) or contract > CONTRACT:
            self.fail(f"node config uses plug-in contract {contract}; {self.name} knows up to {CONTRACT}")

    # ---- ways out ---------------------------------------------------------------------------

    def finish(self, detail, grace=2.0):
        """stop, SIGTERM: STOPPING, on_stop, FINISHED, exit 0 within `grace`."""
        log(f"stopping: {detail}")
        if self.status != "STOPPING":
            self.report("STOPPING", detail)
        hook, self.on_stop = self.on_stop, None           # once, even if it raises
        if hook:
            try:
                hook(max(0.0, grace / 4))
            except Exception as e:                        # noqa: BLE001 - stopping anyway
                log(f"on_stop failed: {e!r}")
        self.report("FINISHED")
        self._exit(EXIT_OK, ack_wait=min(1.0, grace / 2))

    def fail(self, detail):
        log(f"error: {detail}")
        self.report("ERROR", detail)
        self._exit(EXIT_ERROR, ack_wait=1.0)

    def _exit(self, code, ack_wait):
        """Wait (briefly) for the orchestrator's `ack` of the last status, then exit."""
        deadline = time.monotonic() + ack_wait
        while (left := deadline - time.monotonic()) > 0 and self.control.poll(math.ceil(left * 1000)):
            try:
                if json.loads(self.control.recv()).get("type") == "ack":
                    break
            except (ValueError, AttributeError):
                pass
        self.ctx.destroy(linger=500)                       # flushes what is still queued
        sys.exit(code)

    def _orphaned(self, why):
        log(f"exiting: {why}")                            # nobody to report to
        os._exit(EXIT_ORPHANED)

    def _parent_gone(self):
        return isinstance(self.parent_pid, int) and os.getppid() != self.parent_pid

    # ---- orchestrator -> VNF ----------------------------------------------------------------

    def _read_control(self):
        while True:
            try:
                raw = self.control.recv(zmq.NOBLOCK)
            except zmq.Again:
                return
            self.last_heard = time.monotonic()            # every message counts for liveness
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
                self._fault(msg)
            else:
                self.nack(str(kind), f"unknown command '{kind}'")

    def _fault(self, msg):
        name = msg.get("fault")
        if name == "crash":
            os.abort()
        elif name == "exit":
            code = msg.get("code")
            if isinstance(code, int) and not isinstance(code, bool) and 0 <= code <= 255:
                os._exit(code)
            self.nack("fault", f"fault exit needs an integer code 0-255, got {code!r}")
        elif name == "error":
            self.fail(msg.get("detail") or "injected fault")
        elif name == "hang":
            log("fault hang: not reading, not heartbeating")
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            while not self._parent_gone():
                time.sleep(0.25)
            os._exit(EXIT_ORPHANED)
        elif name == "link-down":
            link = msg.get("link")
            if not (self.on_link_down and self.on_link_down(link)):
                self.nack("fault", f"link-down: no open link {link!r}")
        else:
            self.nack("fault", f"fault '{name}' is not implemented by {self.name}")

    # ---- the event loop ---------------------------------------------------------------------

    def watch(self, sock, handler):
        self._handlers[sock] = handler
        self.poller.register(sock, zmq.POLLIN)

    def unwatch(self, sock):
        if self._handlers.pop(sock, None) is not None:
            self.poller.unregister(sock)

    def run(self, tick):
        """Loop until stop/fault/orphan: heartbeats, `tick(now)` (your timers; returns the next
        monotonic time it wants to run, or None) and the handlers of watched sockets."""
        next_hb = time.monotonic()
        while True:
            now = time.monotonic()
            if self._parent_gone():                       # first: SIGTERM may be the death signal
                self._orphaned(f"the orchestrator (pid {self.parent_pid}) is gone")
            if _sigterm:
                self.finish("SIGTERM", grace=1.0)         # SIGKILL follows 1 s after SIGTERM
            if now - self.last_heard > self.hb_timeout:
                self._orphaned(f"no word from the orchestrator for {self.hb_timeout:g} s")
            if now >= next_hb:
                self.send({"type": "heartbeat"})
                next_hb = max(next_hb + self.hb_interval, now)
            wake = tick(now)
            deadline = min(t for t in (next_hb, self.last_heard + self.hb_timeout, now + 0.25, wake)
                           if t is not None)
            timeout_ms = max(0, math.ceil((deadline - time.monotonic()) * 1000))
            for sock, _ in self.poller.poll(timeout_ms):
                if sock is self.control:
                    self._read_control()
                elif sock in self._handlers:              # skip one unwatched in this round
                    self._handlers[sock]()


def _on_sigterm(signum, frame):
    global _sigterm
    _sigterm = True                 # acted on by the loop, which wakes at least every 250 ms


def _set_parent_death_signal():
    """Linux: SIGTERM when our parent dies (best effort; getppid() is polled too)."""
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, int(signal.SIGTERM), 0, 0, 0)
        except (OSError, AttributeError):
            pass
