#!/usr/bin/env python3
"""scripts/bench.sh e2e: the cell in a box in virtual time, release build.

For single-cell with 16 and 64 UEs and for large (4 cells x 256 UEs): `ranlab run` to completion,
then from its JSON summary and run record: slots per second of wall time, the multiple of real
time, and per process the wall time spent per slot (DU, RU, CU processing; DU waiting at the slot
barrier). One `NAME VALUE UNIT` line per value on stdout.

Reference (not runnable here, no radio stack installed): srsRAN gNB + UE over ZeroMQ and OAI's
RF simulator run at (or, loaded, below) real time, i.e. 1x. Goal: >= 10x real time for one cell
with 64 UEs on a 2-core machine.
"""
import json, os, sqlite3, subprocess, sys, tempfile

def run(ranlab, root, topology, slots, env_extra, name):
    home = tempfile.mkdtemp(prefix="ranlab-bench-")
    env = dict(os.environ, **env_extra)
    print(f"bench: {name}: ranlab run {topology} --slots {slots} {env_extra}", file=sys.stderr)
    p = subprocess.run([ranlab, "run", os.path.join(root, "topologies", topology), "--slots", str(slots), "-f", "json",
                        "--home", home, "--vnfs", os.path.join(root, "vnfs")], env=env, capture_output=True, text=True)
    if p.returncode != 0:
        print(p.stderr, file=sys.stderr)
        sys.exit(f"bench: {name} failed ({p.returncode})")
    s = json.loads(p.stdout)
    db = sqlite3.connect(os.path.join(home, "runs.sqlite"))
    def mean(metric, node_prefix):
        rows = db.execute("SELECT value FROM kpiSample WHERE runId=? AND name=? AND node LIKE ?", (s["run"], metric, node_prefix + "%")).fetchall()
        return sum(r[0] for r in rows) / len(rows) if rows else 0.0
    def total(metric, node_prefix):
        rows = db.execute("SELECT value FROM kpiSample WHERE runId=? AND name=? AND node LIKE ?", (s["run"], metric, node_prefix + "%")).fetchall()
        return sum(r[0] for r in rows)
    wall = s["wallSeconds"]
    print(f"e2e.{name}.slots_per_second {s['slots'] / wall:.0f} slot/s")
    print(f"e2e.{name}.realtime_multiple {s['speed']:.2f} x")
    print(f"e2e.{name}.dl_throughput {sum(c['downlinkBitsPerSecond'] for c in s['cells']) / 1e6:.2f} Mbit/s")
    print(f"e2e.{name}.ues_connected {sum(c['connectedUEs'] for c in s['cells']):.0f} UEs")
    cells = max(1, len(s["cells"]))
    print(f"e2e.{name}.du_slot_time {mean('ranlab_du_slot_processing_seconds_per_slot', 'du') * 1e6:.2f} us/slot")
    print(f"e2e.{name}.du_scheduler_time {mean('ranlab_du_scheduler_seconds_per_slot', 'du') * 1e6:.2f} us/slot")
    print(f"e2e.{name}.ru_slot_time {mean('ranlab_ru_slot_processing_seconds_per_slot', 'ru') * 1e6:.2f} us/slot")
    print(f"e2e.{name}.cu_slot_time {mean('ranlab_cu_slot_processing_seconds_per_slot', 'cu') * 1e6:.2f} us/slot")
    print(f"e2e.{name}.du_barrier_wait {total('ranlab_du_barrier_wait_seconds_total', 'du') / cells / s['slots'] * 1e6:.2f} us/slot")
    print(f"e2e.{name}.wall_per_slot {wall / s['slots'] * 1e6:.2f} us/slot")
    sys.stdout.flush()

def main():
    ranlab, root = sys.argv[1], sys.argv[2]
    slots = int(sys.argv[3]) if len(sys.argv) > 3 else 10000
    print("# e2e: virtual time, release build, 2 cores; real time = 1000 slots/s (15 kHz SCS)")
    run(ranlab, root, "single-cell.ranlab.yaml", slots, {"UES": "16"}, "single_cell_16ue")
    run(ranlab, root, "single-cell.ranlab.yaml", slots, {"UES": "64"}, "single_cell_64ue")
    run(ranlab, root, "large.ranlab.yaml", max(1000, slots // 4), {}, "large_4x256ue")

if __name__ == "__main__":
    main()
