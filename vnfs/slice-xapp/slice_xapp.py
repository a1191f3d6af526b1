#!/usr/bin/env python3
"""slice-xapp: a Python xApp for ranlab's RIC that holds RAN slices to target shares of the DL PRBs.

It is a ranlab VNF (role xapp) and the example to copy for your own xApp:

  ranlab_plugin.py  the plug-in contract (node config, orchestrator channel, stop, faults, loop)
  e2sm.py           E2AP (pycrate) and E2SM-KPM / E2SM-RC (asn1tools) encode/decode helpers
  slice_xapp.py     this file: the xApp API client (docs/xapp-api.md) and the steering logic

What it does: it connects a ZeroMQ DEALER to the RIC (the `address` of its link on interface
`ric`), says `hello` (its node name), gets `welcome` (its ricRequestorID) and one `node-up` per E2
node. For every node offering both E2SM-KPM (OID 1.3.6.1.4.1.53148.1.1.2.2) and E2SM-RC
(1.3.6.1.4.1.53148.1.1.2.3) RAN functions it

  1. subscribes to KPM: report style 1, action definition format 1 measuring
       RRU.PrbUsedDl   one label per target slice (sliceID {sST, sD}), in `targets` order
       RRU.PrbAvailDl  noLabel
     every `period-ms` (event trigger reportingPeriod = granulPeriod = period-ms); each
     measRecord then holds PrbUsedDl for each slice, then PrbAvailDl (the indication's own
     measInfoList, when present, is used to map the records instead);
  2. sends the slice-level PRB quota control (E2SM-RC style 2, action 6; min = max = share,
     dedicated 0 for each slice), asking for an acknowledgement;
  3. on each indication computes each slice's share of the used PRBs; when every slice used PRBs
     and the split is off the targets by more than `tolerance` points for `consecutive` reports
     in a row, it sends the control again (at most once per `resend-interval`, never while one is
     unanswered).
A `node-up` again (node restarted) starts over at 1; `node-down` forgets the node; `reset` (RIC
restarted) says hello again. It pings every 500 ms. On stop it deletes its subscriptions, says
`bye` and finishes. Status: READY once the ASN.1 is compiled and hello is sent, ACTIVE at `welcome`
(a time-driven lab starts its slots when every node is ACTIVE, and only running DUs answer E2).

Config keys (the topology node's `config` map):
  targets          required  [{sst: 1, sd: 1, share: 70}, {sst: 1, sd: 2, share: 30}]
                             sd optional (integer, or 6 hex digits as a string); share 0-100, sum <= 100
  period-ms        10        KPM reporting and granularity period, ms
  node             (all)     the E2 node (topology name) to steer; default every KPM+RC node
  plmn             "00101"   PLMN of the RRM policy members (MCC+MNC digits)
  asn1-dir         (search)  the O-RAN ASN.1 modules; else $ASN1_DIR, else ../shared/asn1 above
                             the working directory or this package
  tolerance        5         percentage points the measured split may be off
  consecutive      3         reports in a row off target before the control is sent again
  resend-interval  "500ms"   least time between two controls to one node ("0": no limit)
  kpi-interval     "1s"      one KPI batch per interval
  ric-address      (link)    libzmq address of the RIC when the node has no `ric` link

KPIs: ranlab_xapp_indications_total, ranlab_xapp_controls_total, ranlab_xapp_control_acks_total,
ranlab_xapp_control_failures_total, ranlab_xapp_slice_prb_share{node, slice="sst-sd"} (percent).

To adapt: change what `NodeState` measures (`SliceXApp.subscribe`, the KPM action definition) and
what `on_indication` decides; send other E2SM-RC controls by adding an encoder to e2sm.py. The
xApp API part (`hello`, `on_ric`, instance IDs, stop) stays as it is.
"""

import math
import os
import sys
import threading
import time

import zmq

sys.dont_write_bytecode = True          # leave the (hashed) package folder as it is
import e2sm                             # noqa: E402
from ranlab_plugin import Plugin, log, parse_duration  # noqa: E402

NAME = "slice-xapp"
PING_PERIOD = 0.5            # seconds; the RIC drops an xApp silent for 3 s
ANSWER_TIMEOUT = 2.0         # a control unanswered this long is given up (logged)
SPLIT_LOG_PERIOD = 5.0       # seconds between "measured split" log lines per node
USED, AVAIL = "RRU.PrbUsedDl", "RRU.PrbAvailDl"


class NodeState:
    """One steered E2 node: its RAN functions, KPM subscription, controls and measurements."""

    def __init__(self, name, kpm_fn, rc_fn):
        self.name, self.kpm_fn, self.rc_fn = name, kpm_fn, rc_fn
        self.sub = None            # ricInstanceID of the KPM subscription (sent)
        self.sub_live = False      # ... and admitted
        self.deleting = False
        self.pending = {}          # control ricInstanceID -> (monotonic sent, reason)
        self.last_control = -math.inf
        self.streak = 0            # consecutive reports off target
        self.shares = {}           # slice label -> measured % of used PRBs
        self.avail = None          # mean PrbAvailDl of the last report
        self.next_split_log = 0.0


class SliceXApp:
    def __init__(self, plugin):
        self.p = plugin
        o = plugin.options
        self.targets = self.parse_targets(o.get("targets"))            # [(Slice, share)]
        self.period_ms = self.positive_int(o.get("period-ms", 10), "period-ms")
        self.only = o.get("node")
        if self.only is not None and not isinstance(self.only, str):
            raise ValueError(f"node {self.only!r}: expected a node name")
        self.plmn = e2sm.plmn_identity(str(o.get("plmn", "00101")))
        self.tolerance = float(o.get("tolerance", 5))
        self.consecutive = self.positive_int(o.get("consecutive", 3), "consecutive")
        self.resend_interval = parse_duration(o.get("resend-interval", "500ms"))
        self.kpi_interval = parse_duration(o.get("kpi-interval", "1s"))
        if self.kpi_interval <= 0:
            raise ValueError("kpi-interval must be more than 0")
        total = sum(share for _, share in self.targets)
        self.target_split = {s.label: 100.0 * share / total if total else 0.0 for s, share in self.targets}
        link = plugin.link("ric")
        self.ric_link = link
        self.ric_address = (link or {}).get("address") or o.get("ric-address")
        if not self.ric_address:
            raise ValueError("no link on interface `ric` and no ric-address: nowhere to find the RIC")
        self.asn1_dir, looked = e2sm.find_asn1_dir(o.get("asn1-dir"), os.path.dirname(os.path.abspath(__file__)))
        if self.asn1_dir is None:
            raise ValueError(f"ASN.1 modules {e2sm.KPM_FILE} and {e2sm.RC_FILE} not found: set ASN1_DIR "
                             f"(or config asn1-dir); looked in {', '.join(map(str, looked))}")
        # The KPM measurements, in the order of each measRecord.
        self.measurements = [(USED, [s for s, _ in self.targets]), (AVAIL, [None])]
        self.record_keys = [(USED, s.key()) for s, _ in self.targets] + [(AVAIL, None)]

        self.codec = None          # e2sm.E2SM once compiled (in a thread: it takes ~2 s)
        self.codec_error = None
        self.ric = None            # DEALER to the RIC
        self.requestor = None      # ricRequestorID from `welcome`
        self.steering = False      # a control was acknowledged
        self.hello_sent = -math.inf
        self.nodes = {}            # node name -> NodeState
        self.next_instance = 1
        self.stopping = False
        self.counts = dict(indications=0, controls=0, acks=0, failures=0)
        self.next_ping = self.next_kpi = 0.0
        self.last_from_ric = time.monotonic()
        self.ric_silent = False
        self.warned = {}           # rate-limited warnings: key -> monotonic last logged

    # ---- config helpers ---------------------------------------------------------------------

    @staticmethod
    def positive_int(value, key):
        if isinstance(value, str) and value.isdigit():
            value = int(value)
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise ValueError(f"{key} {value!r}: expected a positive integer")
        return value

    @staticmethod
    def parse_targets(targets):
        if not isinstance(targets, list) or not targets:
            raise ValueError("targets: expected a list like [{sst: 1, sd: 1, share: 70}, ...]")
        out, seen = [], set()
        for t in targets:
            if not isinstance(t, dict) or "sst" not in t or "share" not in t:
                raise ValueError(f"targets entry {t!r}: needs sst and share (sd optional)")
            s = e2sm.Slice(t["sst"], t.get("sd"))
            share = t["share"]
            if not isinstance(share, int) or isinstance(share, bool) or not 0 <= share <= 100:
                raise ValueError(f"targets {s.label}: share {share!r} must be an integer 0-100")
            if s.key() in seen:
                raise ValueError(f"targets: slice {s.label} twice")
            seen.add(s.key())
            out.append((s, share))
        if sum(share for _, share in out) > 100:
            raise ValueError("targets: shares add up to more than 100 (each is the slice's min and max PRB ratio)")
        return out

    def warn(self, key, text, every=10.0):
        now = time.monotonic()
        if now - self.warned.get(key, -math.inf) >= every:
            self.warned[key] = now
            log(text)

    def describe_targets(self):
        return ", ".join(f"{s.label} {share}%" for s, share in self.targets)

    # ---- start-up and timers ----------------------------------------------------------------

    def start(self):
        def compile_modules():
            try:
                self.codec = e2sm.E2SM(self.asn1_dir)
            except Exception as e:                        # noqa: BLE001 - reported as ERROR
                self.codec_error = e
        log(f"compiling E2SM-KPM and E2SM-RC from {self.asn1_dir}; targets {self.describe_targets()}, "
            f"period {self.period_ms} ms, RIC at {self.ric_address}")
        self.compiler = threading.Thread(target=compile_modules, daemon=True)
        self.compiler.start()
        self.p.on_stop = self.stop
        self.p.on_link_down = self.link_down

    def connect(self):
        self.ric = self.p.ctx.socket(zmq.DEALER)
        self.ric.setsockopt(zmq.LINGER, 200)
        curve = (self.ric_link or {}).get("curve")
        if curve:                                         # connect side: CURVE client of the RIC's key
            self.ric.curve_secretkey = curve["secretKey"].encode()
            self.ric.curve_publickey = curve["publicKey"].encode()
            self.ric.curve_serverkey = curve["peerPublicKey"].encode()
        self.ric.connect(self.ric_address)
        self.p.watch(self.ric, self.on_ric)
        self.hello()

    def tick(self, now):
        if self.codec is None:
            if self.compiler.is_alive():
                return now + 0.02
            if self.codec is None:
                self.p.fail(f"cannot compile the E2SM ASN.1 modules in {self.asn1_dir} (ASN1_DIR): {self.codec_error!r}")
        if self.ric is None and not self.stopping and self.p.status == "BOOTING":
            self.connect()
            self.p.report("READY", f"connected to the RIC at {self.ric_address}")
        if self.ric is not None:
            if now >= self.next_ping:
                self.to_ric("ping")
                self.next_ping = now + PING_PERIOD
            if now - self.last_from_ric > 3.0 and not self.ric_silent:
                self.ric_silent = True
                log(f"nothing from the RIC for 3 s (still pinging {self.ric_address})")
        for st in self.nodes.values():
            for inst, (sent, reason) in list(st.pending.items()):
                if now - sent > ANSWER_TIMEOUT:
                    del st.pending[inst]
                    log(f"{st.name}: control #{inst} ({reason}) unanswered after {ANSWER_TIMEOUT:g} s")
        if now >= self.next_kpi:
            self.send_kpis()
            self.next_kpi = now + self.kpi_interval
        return min(self.next_ping if self.ric is not None else now + 0.25, self.next_kpi)

    def send_kpis(self):
        c = self.counts
        samples = [("ranlab_xapp_indications_total", c["indications"]),
                   ("ranlab_xapp_controls_total", c["controls"]),
                   ("ranlab_xapp_control_acks_total", c["acks"]),
                   ("ranlab_xapp_control_failures_total", c["failures"])]
        for st in self.nodes.values():
            for label, share in st.shares.items():
                samples.append(("ranlab_xapp_slice_prb_share", round(share, 3), {"node": st.name, "slice": label}))
        self.p.kpis(samples)

    # ---- the xApp API: envelope -------------------------------------------------------------

    def to_ric(self, kind, node="", payload=b""):
        if self.ric is None:
            return
        try:
            self.ric.send_multipart([kind.encode(), node.encode(), payload], zmq.NOBLOCK)
        except zmq.Again:
            self.warn("ric-full", f"RIC queue full: dropped {kind}")

    def hello(self):
        self.requestor = None
        self.hello_sent = time.monotonic()
        self.to_ric("hello", payload=self.p.node.encode())
        log(f"hello to the RIC as {self.p.node!r}")

    def take_instance(self, st):
        """A ricInstanceID not in use towards this node (1-65535)."""
        busy = {st.sub, *st.pending}
        while self.next_instance in busy:
            self.next_instance = self.next_instance % 65535 + 1
        inst = self.next_instance
        self.next_instance = inst % 65535 + 1
        return inst

    def on_ric(self):
        while self.ric is not None:
            try:
                frames = self.ric.recv_multipart(zmq.NOBLOCK)
            except zmq.Again:
                return
            self.last_from_ric = time.monotonic()
            if self.ric_silent:
                self.ric_silent = False
                log("the RIC answers again")
            if len(frames) != 3:
                self.warn("frames", f"ignoring a RIC message of {len(frames)} frames (expected 3)")
                continue
            kind, node, payload = frames[0].decode(errors="replace"), frames[1].decode(errors="replace"), frames[2]
            try:
                self.on_message(kind, node, payload)
            except Exception as e:                        # noqa: BLE001 - one bad PDU must not end the xApp
                self.warn(f"bad-{kind}", f"cannot handle {kind} from {node or 'the RIC'}: {e!r}", every=2.0)

    def on_message(self, kind, node, payload):
        if kind == "pong":
            return
        if kind == "welcome":
            self.requestor = int(payload.decode())
            self.nodes.clear()                            # node-ups for every node follow
            log(f"welcome: ricRequestorID {self.requestor}")
            if self.p.status != "ACTIVE":
                self.p.report("ACTIVE", f"connected to the RIC (ricRequestorID {self.requestor}); targets {self.describe_targets()}")
        elif kind == "node-up":
            self.node_up(node, payload)
        elif kind == "node-down":
            if self.nodes.pop(node, None) is not None:
                log(f"node-down {node}: {payload.decode(errors='replace')}; forgot it")
        elif kind == "e2":
            self.on_e2(node, payload)
        elif kind == "reset":
            # Messages queued while the RIC was away each earn a reset: answer the first one only.
            if self.requestor is None and time.monotonic() - self.hello_sent < 2.0:
                return
            log("reset: the RIC restarted; hello again")
            self.nodes.clear()
            self.hello()
        elif kind == "error":
            log(f"RIC error{' about ' + node if node else ''}: {payload.decode(errors='replace')}")
        else:
            self.warn(f"kind-{kind}", f"ignoring unknown message kind {kind!r}")

    # ---- E2 nodes ---------------------------------------------------------------------------

    def node_up(self, node, payload):
        if self.requestor is None:
            self.warn("early-node-up", f"node-up {node} before welcome: ignored")
            return
        if self.only is not None and node != self.only:
            log(f"node-up {node}: not the configured node {self.only!r}, ignored")
            return
        name, ies = e2sm.parse(payload)
        if name != "E2setupRequest":
            raise ValueError(f"node-up payload is {name}, expected E2setupRequest")
        functions = e2sm.ran_functions(ies)
        kpm, rc = functions.get(e2sm.KPM_OID), functions.get(e2sm.RC_OID)
        if kpm is None or rc is None:
            log(f"node-up {node}: RAN functions {sorted(functions.items())} lack "
                f"{'KPM' if kpm is None else 'RC'}; not steering it")
            return
        again = node in self.nodes
        st = self.nodes[node] = NodeState(node, kpm, rc)
        log(f"node-up {node}{' (again: it restarted)' if again else ''}: KPM function {kpm}, RC function {rc}")
        self.subscribe(st)
        self.send_control(st, "initial quotas")

    def subscribe(self, st):
        st.sub = self.take_instance(st)
        pdu = e2sm.subscription_request(
            self.requestor, st.sub, st.kpm_fn, self.codec.kpm_event_trigger(self.period_ms),
            [(1, "report", self.codec.kpm_action_definition(self.measurements, self.period_ms))])
        self.to_ric("e2", st.name, pdu)
        log(f"{st.name}: KPM subscription #{st.sub}: {USED} per slice ({', '.join(s.label for s, _ in self.targets)}) "
            f"and {AVAIL} every {self.period_ms} ms")

    def send_control(self, st, reason):
        inst = self.take_instance(st)
        quotas = [(s, share, share, 0) for s, share in self.targets]
        pdu = e2sm.control_request(self.requestor, inst, st.rc_fn, self.codec.rc_quota_header(),
                                   self.codec.rc_quota_message(self.plmn, quotas))
        self.to_ric("e2", st.name, pdu)
        st.pending[inst] = (time.monotonic(), reason)
        st.last_control = time.monotonic()
        self.counts["controls"] += 1
        log(f"{st.name}: control #{inst} ({reason}): slice PRB quotas min=max {self.describe_targets()}, dedicated 0")

    # ---- E2 messages from the nodes ---------------------------------------------------------

    def on_e2(self, node, payload):
        name, ies = e2sm.parse(payload)
        st = self.nodes.get(node)
        inst = ies.get("RICrequestID", {}).get("ricInstanceID")
        if name == "RICindication":
            self.on_indication(st, node, inst, ies)
        elif name in ("RICcontrolAcknowledge", "RICcontrolFailure"):
            reason = st.pending.pop(inst, (0, "unknown control"))[1] if st else "control of a forgotten node"
            if name == "RICcontrolAcknowledge":
                self.counts["acks"] += 1
                log(f"{node}: control #{inst} ({reason}) acknowledged")
                if not self.steering:
                    self.steering = True
                    self.p.report("ACTIVE", f"steering {node}: DL PRB quotas {self.describe_targets()} "
                                            f"(E2SM-RC slice-level PRB quota, KPM every {self.period_ms} ms)")
                    self.send_kpis()
            else:
                self.counts["failures"] += 1
                log(f"{node}: control #{inst} ({reason}) FAILED: {e2sm.cause_text(ies.get('Cause'))}")
        elif name == "RICsubscriptionResponse":
            admitted = [i["value"][1]["ricActionID"] for i in ies.get("RICaction-Admitted-List", [])]
            if st and inst == st.sub:
                st.sub_live = 1 in admitted
            log(f"{node}: subscription #{inst} " + ("admitted" if 1 in admitted else
                f"answered but action 1 not admitted: {ies.get('RICaction-NotAdmitted-List')}"))
        elif name == "RICsubscriptionFailure":
            if st and inst == st.sub:
                st.sub, st.sub_live = None, False
            log(f"{node}: subscription #{inst} FAILED: {e2sm.cause_text(ies.get('Cause'))}")
        elif name in ("RICsubscriptionDeleteResponse", "RICsubscriptionDeleteFailure"):
            if st and inst == st.sub:
                st.sub, st.sub_live, st.deleting = None, False, False
            log(f"{node}: subscription #{inst} deleted" if name.endswith("Response") else
                f"{node}: deleting subscription #{inst} failed: {e2sm.cause_text(ies.get('Cause'))}")
        elif name == "RICsubscriptionDeleteRequired":
            for item in ies.get("RICsubscription-List-withCause", []):
                v = item["value"][1]
                i = v["ricRequestID"]["ricInstanceID"]
                if st and i == st.sub and v["ricRequestID"]["ricRequestorID"] == self.requestor:
                    log(f"{node}: node asks to delete subscription #{i} ({e2sm.cause_text(v['cause'])}): deleting")
                    self.delete_subscription(st)
        else:
            self.warn(f"e2-{name}", f"{node}: ignoring {name}")

    def on_indication(self, st, node, inst, ies):
        if st is None or inst != st.sub:
            self.warn(f"stray-{node}", f"{node}: indication for unknown subscription #{inst}, ignored")
            return
        self.counts["indications"] += 1
        _, msg = self.codec.kpm_indication(ies["RICindicationHeader"], ies["RICindicationMessage"])
        keys = self.codec.record_keys(msg["measInfoList"]) if "measInfoList" in msg else self.record_keys
        sums, counts = {}, {}
        for item in msg["measData"]:                      # one item per granularity period
            record = item["measRecord"]
            if len(record) != len(keys):
                self.warn(f"layout-{node}", f"{node}: measRecord of {len(record)} values, expected {len(keys)} "
                                            f"({keys}); indication ignored")
                return
            for key, (kind, value) in zip(keys, record):
                if kind in ("integer", "real") and math.isfinite(value):
                    sums[key] = sums.get(key, 0.0) + value
                    counts[key] = counts.get(key, 0) + 1
        mean = {k: sums[k] / counts[k] for k in sums}
        used = [mean.get((USED, s.key())) for s, _ in self.targets]
        st.avail = mean.get((AVAIL, None))
        if any(u is None for u in used):               # noValue (or absent): the slice used nothing we know of
            self.warn(f"missing-{node}", f"{node}: no {USED} value for slice(s) "
                      + ", ".join(s.label for (s, _), u in zip(self.targets, used) if u is None) + "; counted as 0")
            used = [u or 0.0 for u in used]
        total = sum(used)
        if total <= 0:
            st.streak = 0
            return
        st.shares = {s.label: 100.0 * u / total for (s, _), u in zip(self.targets, used)}
        now = time.monotonic()
        if now >= st.next_split_log:
            st.next_split_log = now + SPLIT_LOG_PERIOD
            log(f"{node}: measured DL PRB split " + ", ".join(f"{k} {v:.1f}%" for k, v in st.shares.items())
                + f" (targets {self.describe_targets()}; {total:.1f} PRBs used of {st.avail})")
        if not all(u > 0 for u in used):                  # an idle slice says nothing about the quotas
            st.streak = 0
            return
        deviation = max(abs(st.shares[label] - target) for label, target in self.target_split.items())
        st.streak = st.streak + 1 if deviation > self.tolerance else 0
        if (st.streak >= self.consecutive and not st.pending and not self.stopping
                and now - st.last_control >= self.resend_interval):
            split = ", ".join(f"{k} {v:.1f}%" for k, v in st.shares.items())
            log(f"{node}: split {split} off target by {deviation:.1f} points for {st.streak} reports")
            st.streak = 0
            self.send_control(st, f"split off by {deviation:.1f} points")

    # ---- stopping ---------------------------------------------------------------------------

    def delete_subscription(self, st):
        if st.sub is not None and self.requestor is not None:
            st.deleting = True
            self.to_ric("e2", st.name, e2sm.subscription_delete_request(self.requestor, st.sub, st.kpm_fn))

    def stop(self, budget):
        """Delete live subscriptions (waiting up to `budget` s for the answers), bye, last KPIs."""
        self.stopping = True
        if self.ric is not None and self.requestor is not None:
            for st in self.nodes.values():
                self.delete_subscription(st)
            deadline = time.monotonic() + budget
            while any(st.deleting for st in self.nodes.values()):
                left = deadline - time.monotonic()
                if left <= 0 or not self.ric.poll(math.ceil(left * 1000)):
                    break
                self.on_ric()
            self.to_ric("bye")
            log("bye to the RIC")
        self.send_kpis()
        self.close_ric()

    def close_ric(self):
        if self.ric is not None:
            self.p.unwatch(self.ric)
            self.ric.close()                              # LINGER 200 ms lets bye leave
            self.ric = None
        self.nodes.clear()
        self.requestor = None

    def link_down(self, link):
        if self.ric_link is None or link != self.ric_link.get("id") or self.ric is None:
            return False
        log(f"fault link-down: closing the RIC link {link}")
        self.close_ric()
        return True


def main():
    plugin = Plugin.from_env(NAME)
    try:
        app = SliceXApp(plugin)
    except (ValueError, TypeError, KeyError) as e:
        plugin.fail(f"config: {e}")
    app.start()
    plugin.run(app.tick)


if __name__ == "__main__":
    sys.exit(main())
