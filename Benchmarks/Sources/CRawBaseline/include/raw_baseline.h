// raw_baseline.h — libzmq and usrsctp called directly, the yardstick for ranlab's Bus.
//
// Every call builds its own sockets, runs one measurement and tears them down, with the same
// socket options the Bus sets (high-water marks, linger, SCTP tuning), so a ratio against the
// Bus compares the wrapper, not the configuration. Functions return 0 (or a positive duration)
// on success and -1 on failure; raw_last_error() then says why.
#ifndef RAW_BASELINE_H
#define RAW_BASELINE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Receive buffer every receiver uses, raw and ranlab alike (bytes).
#define RAW_RECEIVE_BUFFER_BYTES 65536

/// SCTP payload protocol identifier sent with every message (62 = F1AP).
#define RAW_SCTP_PPID 62

/// ZeroMQ PUSH/PULL throughput over `address` (e.g. "tcp://127.0.0.1:20001", "inproc://x").
/// A receiver thread binds PULL, a sender thread connects PUSH and sends `count + 1` messages
/// of `size` bytes; the receiver's clock runs from the first message to the last.
/// Returns the nanoseconds the last `count` messages took, or -1.
int64_t raw_zmq_throughput(const char *address, size_t size, uint64_t count, int hwm);

/// ZeroMQ PAIR ping-pong over `address`: an echo thread binds and returns every message; the
/// caller connects, and for `warmup + iterations` rounds sends `size` bytes and waits for them.
/// Writes the last `iterations` round-trip times (ns) to `rtt_ns`. Returns 0 or -1.
int raw_zmq_rtt(const char *address, size_t size, uint32_t warmup, uint32_t iterations, int hwm, uint64_t *rtt_ns);

/// usrsctp throughput over one loopback association: a listener on 127.0.0.1:`sctp_port`, a client
/// that reaches it through the process's UDP encapsulation port `udp_port`; a sender thread on the
/// client sends `count + 1` messages, a receiver thread on the accepted socket reads them whole.
/// usrsctp must already be initialised in this process (ranlab's stack does it); this never calls
/// usrsctp_init. Returns the nanoseconds the last `count` messages took, or -1.
int64_t raw_sctp_throughput(uint16_t udp_port, uint16_t sctp_port, size_t size, uint64_t count);

/// usrsctp ping-pong over one loopback association (an echo thread on the accepted socket).
/// Writes the last `iterations` round-trip times (ns) to `rtt_ns`. Returns 0 or -1.
int raw_sctp_rtt(uint16_t udp_port, uint16_t sctp_port, size_t size, uint32_t warmup, uint32_t iterations, uint64_t *rtt_ns);

/// Why the last call failed ("" if none).
const char *raw_last_error(void);

#ifdef __cplusplus
}
#endif

#endif
