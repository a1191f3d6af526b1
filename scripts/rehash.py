#!/usr/bin/env python3
"""Rewrite the sha256 of every artifact in vnfs/<name>/vnf.yaml after editing a package's files.

Usage: scripts/rehash.py vnfs/acme-du [vnfs/other ...]
A signed package (vnf.yaml.sig next to it) must be re-signed afterwards; this script says so.
"""
import hashlib, os, re, sys

def rehash(pkg):
    path = os.path.join(pkg, "vnf.yaml")
    text = open(path).read()
    out, current, changed = [], None, 0
    for line in text.splitlines(keepends=True):
        m = re.match(r"(\s*-\s*path:\s*)(\S+)", line)
        if m:
            current = m.group(2)
        m2 = re.match(r"([ \t]*sha256:[ \t]*)([0-9a-f]*)\s*$", line)
        if m2 and current:
            digest = hashlib.sha256(open(os.path.join(pkg, current), "rb").read()).hexdigest()
            if digest != m2.group(2):
                changed += 1
            line = m2.group(1) + digest + "\n"
            current = None
        out.append(line)
    open(path, "w").write("".join(out))
    print(f"{path}: {changed} hash(es) updated")
    if changed and os.path.exists(path + ".sig"):
        print(f"  {path}.sig is now stale: re-sign the manifest", file=sys.stderr)

for p in sys.argv[1:] or sys.exit(__doc__):
    rehash(p.rstrip("/"))
