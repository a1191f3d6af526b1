// raw_sctp.c — usrsctp baselines: one loopback association, throughput and ping-pong.
//
// Same I/O model as ranlab's UsrSCTPSocket so the ratio measures the wrapper: non-blocking sockets,
// usrsctp's upcall bumping a generation under a mutex, waiters on a condition variable in 20 ms
// slices (a missed upcall costs one slice), and the same socket tuning. (Blocking usrsctp
// calls were tried too: no faster here, and they cannot time out when an association stalls.)
#include "raw_baseline.h"
#include "raw_common.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <usrsctp.h>

/// The tuning of ranlab's UsrSCTPSocket.applyTuning with SCTPTuning's defaults as SCTPListener.tuning
/// leaves them (Sources/SCTPSockets/SCTPSocket.swift, Sources/UsrSCTP/UsrSCTPSocket.swift). Keep in step.
enum {
    TUNE_STREAMS = 4,
    TUNE_RTO_INITIAL_MS = 200,
    TUNE_RTO_MIN_MS = 10,
    TUNE_RTO_MAX_MS = 1000,
    TUNE_HEARTBEAT_MS = 1000,
    TUNE_PATH_MAX_RXT = 4,
    TUNE_INIT_ATTEMPTS = 6,
    TUNE_BUFFER_BYTES = 16 << 20,  // max(16 MiB, 2 × max-message 8 MiB)
    TUNE_PATH_MTU = 9000,
};

#define SET(so, level, name, value)                                                    \
    do {                                                                               \
        if (usrsctp_setsockopt(so, level, name, &(value), sizeof(value)) != 0)         \
            return raw_fail("usrsctp_setsockopt(" #name "): %s", strerror(errno));     \
    } while (0)

static int apply_tuning(struct socket *so) {
    struct sctp_initmsg init = {.sinit_num_ostreams = TUNE_STREAMS, .sinit_max_instreams = TUNE_STREAMS,
                                .sinit_max_attempts = TUNE_INIT_ATTEMPTS, .sinit_max_init_timeo = TUNE_RTO_MAX_MS};
    SET(so, IPPROTO_SCTP, SCTP_INITMSG, init);
    struct sctp_rtoinfo rto = {.srto_initial = TUNE_RTO_INITIAL_MS, .srto_max = TUNE_RTO_MAX_MS, .srto_min = TUNE_RTO_MIN_MS};
    SET(so, IPPROTO_SCTP, SCTP_RTOINFO, rto);
    int on = 1;
    SET(so, IPPROTO_SCTP, SCTP_NODELAY, on);
    SET(so, IPPROTO_SCTP, SCTP_RECVRCVINFO, on);
    uint16_t types[] = {SCTP_ASSOC_CHANGE, SCTP_SHUTDOWN_EVENT};
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        struct sctp_event event = {.se_type = types[i], .se_on = 1};
        SET(so, IPPROTO_SCTP, SCTP_EVENT, event);
    }
    int buffer = TUNE_BUFFER_BYTES;
    SET(so, SOL_SOCKET, SO_SNDBUF, buffer);
    SET(so, SOL_SOCKET, SO_RCVBUF, buffer);
    struct sctp_paddrparams params;
    memset(&params, 0, sizeof params);
    params.spp_address.ss_family = AF_INET;
    params.spp_hbinterval = TUNE_HEARTBEAT_MS;
    params.spp_pathmaxrxt = TUNE_PATH_MAX_RXT;
    params.spp_flags = SPP_HB_ENABLE | SPP_PMTUD_DISABLE;
    params.spp_pathmtu = TUNE_PATH_MTU;
    SET(so, IPPROTO_SCTP, SCTP_PEER_ADDR_PARAMS, params);
    struct sctp_assocparams assoc;
    memset(&assoc, 0, sizeof assoc);
    assoc.sasoc_asocmaxrxt = TUNE_PATH_MAX_RXT;
    SET(so, IPPROTO_SCTP, SCTP_ASSOCINFO, assoc);
    return 0;
}

static struct sockaddr_in loopback(uint16_t port) {
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return a;
}

// MARK: readiness

/// One connected non-blocking socket; usrsctp's upcall bumps `generation` and wakes waiters.
struct endpoint {
    struct socket *so;
    pthread_mutex_t mutex;
    pthread_cond_t cond;
    uint64_t generation;
};

static void upcall(struct socket *so, void *arg, int flags) {
    (void)so;
    (void)flags;
    struct endpoint *e = arg;
    pthread_mutex_lock(&e->mutex);
    e->generation++;
    pthread_cond_broadcast(&e->cond);
    pthread_mutex_unlock(&e->mutex);
}

static uint64_t current_generation(struct endpoint *e) {
    pthread_mutex_lock(&e->mutex);
    uint64_t g = e->generation;
    pthread_mutex_unlock(&e->mutex);
    return g;
}

/// Waits until the generation moves past `since` or `deadline_ns` (CLOCK_MONOTONIC) passes;
/// false on timeout.
static int wait_ready(struct endpoint *e, uint64_t since, uint64_t deadline_ns) {
    struct timespec deadline = {.tv_sec = (time_t)(deadline_ns / 1000000000u), .tv_nsec = (long)(deadline_ns % 1000000000u)};
    int moved = 1;
    pthread_mutex_lock(&e->mutex);
    while (e->generation == since) {
        if (pthread_cond_timedwait(&e->cond, &e->mutex, &deadline) == ETIMEDOUT) {
            moved = e->generation != since;
            break;
        }
    }
    pthread_mutex_unlock(&e->mutex);
    return moved;
}

static void attach(struct endpoint *e, struct socket *so) {
    e->so = so;
    pthread_mutex_init(&e->mutex, NULL);
    pthread_condattr_t attr;
    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    pthread_cond_init(&e->cond, &attr);
    pthread_condattr_destroy(&attr);
    usrsctp_set_upcall(so, upcall, e);
    usrsctp_set_non_blocking(so, 1);
}

static void detach(struct endpoint *e) {
    if (!e->so) return;
    usrsctp_set_upcall(e->so, NULL, NULL);
    usrsctp_close(e->so);
    e->so = NULL;
    pthread_cond_destroy(&e->cond);
    pthread_mutex_destroy(&e->mutex);
}

// MARK: association

/// Both ends of one association: `client` connected, `server` accepted. On the heap: the upcalls
/// point into it.
struct association {
    struct endpoint client;
    struct endpoint server;
};

static void close_association(struct association *a) {
    detach(&a->client);
    detach(&a->server);
    free(a);
}

static struct association *open_association(uint16_t udp_port, uint16_t sctp_port) {
    struct socket *listener = usrsctp_socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP, NULL, NULL, 0, NULL);
    if (!listener) { raw_fail("usrsctp_socket: %s", strerror(errno)); return NULL; }
    struct socket *client = NULL, *server = NULL;
    struct sockaddr_in server_address = loopback(sctp_port);
    if (apply_tuning(listener) != 0) goto fail;
    if (usrsctp_bind(listener, (struct sockaddr *)&server_address, sizeof server_address) != 0) {
        raw_fail("bind 127.0.0.1:%u: %s", sctp_port, strerror(errno));
        goto fail;
    }
    if (usrsctp_listen(listener, 16) != 0) { raw_fail("listen: %s", strerror(errno)); goto fail; }

    client = usrsctp_socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP, NULL, NULL, 0, NULL);
    if (!client) { raw_fail("usrsctp_socket: %s", strerror(errno)); goto fail; }
    if (apply_tuning(client) != 0) goto fail;
    struct sockaddr_in client_address = loopback(0);
    if (usrsctp_bind(client, (struct sockaddr *)&client_address, sizeof client_address) != 0) {
        raw_fail("bind client: %s", strerror(errno));
        goto fail;
    }
    struct sctp_udpencaps encaps;
    memset(&encaps, 0, sizeof encaps);
    encaps.sue_address.ss_family = AF_INET;
    encaps.sue_port = htons(udp_port);
    if (usrsctp_setsockopt(client, IPPROTO_SCTP, SCTP_REMOTE_UDP_ENCAPS_PORT, &encaps, sizeof encaps) != 0) {
        raw_fail("SCTP_REMOTE_UDP_ENCAPS_PORT: %s", strerror(errno));
        goto fail;
    }
    // Connect and accept in blocking mode (as ranlab does): connect returns once the association is up.
    if (usrsctp_connect(client, (struct sockaddr *)&server_address, sizeof server_address) != 0) {
        raw_fail("connect 127.0.0.1:%u via UDP %u: %s", sctp_port, udp_port, strerror(errno));
        goto fail;
    }
    server = usrsctp_accept(listener, NULL, NULL);
    if (!server) { raw_fail("accept: %s", strerror(errno)); goto fail; }
    usrsctp_close(listener);
    struct association *a = calloc(1, sizeof *a);
    attach(&a->client, client);
    attach(&a->server, server);
    return a;
fail:
    usrsctp_close(listener);
    if (client) usrsctp_close(client);
    return NULL;
}

// MARK: messages

/// How long a receive may wait for its message before the association counts as stalled.
#define STALL_NS 3000000000ull
/// Longest single wait for an upcall, as in UsrSCTPSocket.slice.
#define SLICE_NS 20000000ull

static uint64_t slice_end(uint64_t deadline) {
    uint64_t next = raw_now_ns() + SLICE_NS;
    return next < deadline ? next : deadline;
}

/// Sends one whole message, waiting (a slice at a time) while the send buffer is full; gives up
/// when `*stop` becomes true.
static int send_message(struct endpoint *e, const void *bytes, size_t size, const struct sctp_sndinfo *info,
                        atomic_int *stop) {
    for (;;) {
        uint64_t since = current_generation(e);
        if (usrsctp_sendv(e->so, bytes, size, NULL, 0, (void *)info, sizeof *info, SCTP_SENDV_SNDINFO, 0) >= 0) return 0;
        if (errno == EINTR) continue;
        if (errno != EAGAIN && errno != EWOULDBLOCK) return raw_fail("usrsctp_sendv: %s", strerror(errno));
        if (stop && atomic_load_explicit(stop, memory_order_relaxed)) return -1;
        wait_ready(e, since, slice_end(UINT64_MAX));
    }
}

/// Reads one whole message into `buffer` (joining partial deliveries, skipping notifications).
/// Returns its size, or -1 (also when it has not arrived within STALL_NS, like ranlab's
/// receive(into:timeout:) with a timeout).
static ssize_t receive_message(struct endpoint *e, char *buffer, size_t capacity, struct sctp_rcvinfo *info) {
    size_t offset = 0;
    uint64_t deadline = raw_now_ns() + STALL_NS;
    for (;;) {
        uint64_t since = current_generation(e);
        struct sockaddr_in from;
        socklen_t from_length = sizeof from;
        socklen_t info_length = sizeof *info;
        unsigned int info_type = 0;
        int flags = 0;
        ssize_t n = usrsctp_recvv(e->so, buffer + offset, capacity - offset, (struct sockaddr *)&from, &from_length,
                                  info, &info_length, &info_type, &flags);
        if (n < 0) {
            if (errno == EINTR) continue;
            if (errno != EAGAIN && errno != EWOULDBLOCK) return raw_fail("usrsctp_recvv: %s", strerror(errno));
            if (raw_now_ns() >= deadline) return raw_fail("stalled: no data for %llu s", STALL_NS / 1000000000ull);
            wait_ready(e, since, slice_end(deadline));
            continue;
        }
        if (flags & MSG_NOTIFICATION) continue;
        if (n == 0) return raw_fail("usrsctp_recvv: the association ended");
        offset += (size_t)n;
        if (flags & MSG_EOR) return (ssize_t)offset;
        if (offset >= capacity) return raw_fail("usrsctp_recvv: message larger than %zu bytes", capacity);
    }
}

// MARK: measurements

/// Work of one thread of a measurement.
struct sctp_job {
    struct endpoint *endpoint;
    size_t size;
    uint64_t count;      // throughput: messages after the first; ping-pong: rounds to echo
    int64_t elapsed_ns;  // throughput receiver's result
    atomic_int *stop;    // set when the other thread failed
    int failed;
};

static void *sctp_sender(void *arg) {
    struct sctp_job *job = arg;
    char *payload = malloc(job->size);
    memset(payload, 0xA5, job->size);
    struct sctp_sndinfo info = {.snd_sid = 0, .snd_ppid = htonl(RAW_SCTP_PPID)};
    for (uint64_t i = 0; i <= job->count && !job->failed; i++) {
        if (send_message(job->endpoint, payload, job->size, &info, job->stop) != 0) job->failed = 1;
    }
    free(payload);
    return NULL;
}

static void *sctp_receiver(void *arg) {
    struct sctp_job *job = arg;
    char *buffer = malloc(RAW_RECEIVE_BUFFER_BYTES);
    struct sctp_rcvinfo info;
    uint64_t start = 0;
    for (uint64_t i = 0; i <= job->count && !job->failed; i++) {
        ssize_t n = receive_message(job->endpoint, buffer, RAW_RECEIVE_BUFFER_BYTES, &info);
        if (n < 0) job->failed = 1;
        else if ((size_t)n != job->size) job->failed = raw_fail("received %zd bytes, expected %zu", n, job->size);
        if (i == 0) start = raw_now_ns();
    }
    if (job->failed) atomic_store(job->stop, 1);
    job->elapsed_ns = (int64_t)(raw_now_ns() - start);
    free(buffer);
    return NULL;
}

int64_t raw_sctp_throughput(uint16_t udp_port, uint16_t sctp_port, size_t size, uint64_t count) {
    if (size == 0 || size > RAW_RECEIVE_BUFFER_BYTES) return raw_fail("size %zu is not in 1...%d", size, RAW_RECEIVE_BUFFER_BYTES);
    struct association *a = open_association(udp_port, sctp_port);
    if (!a) return -1;
    atomic_int stop = 0;
    struct sctp_job receive = {.endpoint = &a->server, .size = size, .count = count, .stop = &stop};
    struct sctp_job send = {.endpoint = &a->client, .size = size, .count = count, .stop = &stop};
    pthread_t receiver, sender;
    pthread_create(&receiver, NULL, sctp_receiver, &receive);
    pthread_create(&sender, NULL, sctp_sender, &send);
    pthread_join(receiver, NULL);
    pthread_join(sender, NULL);
    close_association(a);
    return receive.failed || send.failed ? -1 : receive.elapsed_ns;
}

static void *sctp_echo(void *arg) {
    struct sctp_job *job = arg;
    char *buffer = malloc(RAW_RECEIVE_BUFFER_BYTES);
    struct sctp_rcvinfo info;
    for (uint64_t i = 0; i < job->count && !job->failed; i++) {
        ssize_t n = receive_message(job->endpoint, buffer, RAW_RECEIVE_BUFFER_BYTES, &info);
        struct sctp_sndinfo reply = {.snd_sid = info.rcv_sid, .snd_ppid = info.rcv_ppid};
        if (n < 0 || send_message(job->endpoint, buffer, (size_t)n, &reply, job->stop) != 0) job->failed = 1;
    }
    free(buffer);
    return NULL;
}

int raw_sctp_rtt(uint16_t udp_port, uint16_t sctp_port, size_t size, uint32_t warmup, uint32_t iterations, uint64_t *rtt_ns) {
    if (size == 0 || size > RAW_RECEIVE_BUFFER_BYTES) return raw_fail("size %zu is not in 1...%d", size, RAW_RECEIVE_BUFFER_BYTES);
    struct association *a = open_association(udp_port, sctp_port);
    if (!a) return -1;
    char *payload = malloc(size);
    char *buffer = malloc(RAW_RECEIVE_BUFFER_BYTES);
    memset(payload, 0x5A, size);
    struct sctp_sndinfo send_info = {.snd_sid = 0, .snd_ppid = htonl(RAW_SCTP_PPID)};
    struct sctp_rcvinfo receive_info;
    atomic_int stop = 0;
    struct sctp_job echo = {.endpoint = &a->server, .count = (uint64_t)warmup + iterations, .stop = &stop};
    pthread_t echoer;
    pthread_create(&echoer, NULL, sctp_echo, &echo);
    int result = 0;
    for (uint32_t i = 0; i < warmup + iterations && result == 0; i++) {
        uint64_t start = raw_now_ns();
        ssize_t n = -1;
        if (send_message(&a->client, payload, size, &send_info, &stop) == 0)
            n = receive_message(&a->client, buffer, RAW_RECEIVE_BUFFER_BYTES, &receive_info);
        if (n >= 0 && (size_t)n != size) raw_fail("ping-pong: %zd bytes back, expected %zu", n, size);
        if (n < 0 || (size_t)n != size) result = -1;
        else if (i >= warmup) rtt_ns[i - warmup] = raw_now_ns() - start;
    }
    // After a failure the echo thread gives up on its own (its receive stalls too).
    atomic_store(&stop, result != 0);
    pthread_join(echoer, NULL);
    if (echo.failed) result = -1;
    free(payload);
    free(buffer);
    close_association(a);
    return result;
}
