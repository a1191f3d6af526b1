#!/usr/bin/env python3
"""A ZeroMQ peer in another language (pyzmq): binds a PAIR socket and echoes every frame.

Used by the tests to show that ranlab puts plain bytes on the wire: no framing of its own,
so any ZeroMQ program can be a VNF's peer.  Usage: zmq_echo_peer.py ENDPOINT
"""
import sys

import zmq


def main() -> int:
    if len(sys.argv) != 2:
        print("usage: zmq_echo_peer.py tcp://127.0.0.1:PORT", file=sys.stderr)
        return 2
    ctx = zmq.Context()
    sock = ctx.socket(zmq.PAIR)
    sock.bind(sys.argv[1])
    print("READY", flush=True)
    while True:
        frames = sock.recv_multipart()
        if frames == [b"STOP"]:
            return 0
        # Report what arrived, byte for byte, then echo it.
        print("GOT " + " ".join(f.hex() or "-" for f in frames), flush=True)
        sock.send_multipart(frames)


if __name__ == "__main__":
    sys.exit(main())
