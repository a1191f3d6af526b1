// raw_zmq.c — ZeroMQ baselines: PUSH/PULL throughput and PAIR ping-pong, straight on libzmq.
#include "raw_baseline.h"
#include "raw_common.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <zmq.h>

static void *context;
static pthread_once_t context_once = PTHREAD_ONCE_INIT;
static void make_context(void) { context = zmq_ctx_new(); }

/// The baselines' own context (ranlab keeps its own): one I/O thread, as in ranlab's.
static void *shared_context(void) {
    pthread_once(&context_once, make_context);
    return context;
}

/// A socket with the options ranlab's ZMQChannel sets: HWMs, linger 200 ms, max message 8 MiB.
static void *open_socket(int type, int hwm) {
    void *s = zmq_socket(shared_context(), type);
    if (!s) return NULL;
    int linger = 200;
    int64_t max_size = 8 << 20;
    zmq_setsockopt(s, ZMQ_SNDHWM, &hwm, sizeof hwm);
    zmq_setsockopt(s, ZMQ_RCVHWM, &hwm, sizeof hwm);
    zmq_setsockopt(s, ZMQ_LINGER, &linger, sizeof linger);
    zmq_setsockopt(s, ZMQ_MAXMSGSIZE, &max_size, sizeof max_size);
    return s;
}

/// Work of one thread of a measurement.
struct zmq_job {
    void *socket;
    size_t size;
    uint64_t count;      // throughput: messages after the first; ping-pong: rounds to echo
    int64_t elapsed_ns;  // throughput receiver's result
    int failed;
};

static void *push_sender(void *arg) {
    struct zmq_job *job = arg;
    char *payload = malloc(job->size ? job->size : 1);
    memset(payload, 0xA5, job->size);
    for (uint64_t i = 0; i <= job->count && !job->failed; i++) {
        while (zmq_send(job->socket, payload, job->size, 0) < 0) {
            if (zmq_errno() == EINTR) continue;
            job->failed = raw_fail("zmq_send: %s", zmq_strerror(zmq_errno()));
            break;
        }
    }
    free(payload);
    return NULL;
}

static void *pull_receiver(void *arg) {
    struct zmq_job *job = arg;
    char *buffer = malloc(RAW_RECEIVE_BUFFER_BYTES);
    uint64_t start = 0;
    for (uint64_t i = 0; i <= job->count && !job->failed; i++) {
        int n;
        while ((n = zmq_recv(job->socket, buffer, RAW_RECEIVE_BUFFER_BYTES, 0)) < 0 && zmq_errno() == EINTR) {}
        if (n < 0) job->failed = raw_fail("zmq_recv: %s", zmq_strerror(zmq_errno()));
        else if ((size_t)n != job->size) job->failed = raw_fail("zmq_recv: %d bytes, expected %zu", n, job->size);
        if (i == 0) start = raw_now_ns();
    }
    job->elapsed_ns = (int64_t)(raw_now_ns() - start);
    free(buffer);
    return NULL;
}

int64_t raw_zmq_throughput(const char *address, size_t size, uint64_t count, int hwm) {
    if (size > RAW_RECEIVE_BUFFER_BYTES) return raw_fail("size %zu exceeds the receive buffer", size);
    void *pull = open_socket(ZMQ_PULL, hwm);
    void *push = open_socket(ZMQ_PUSH, hwm);
    int64_t result = -1;
    if (!pull || !push) {
        raw_fail("zmq_socket: %s", zmq_strerror(zmq_errno()));
    } else if (zmq_bind(pull, address) != 0) {
        raw_fail("zmq_bind %s: %s", address, zmq_strerror(zmq_errno()));
    } else if (zmq_connect(push, address) != 0) {
        raw_fail("zmq_connect %s: %s", address, zmq_strerror(zmq_errno()));
    } else {
        struct zmq_job receive = {.socket = pull, .size = size, .count = count};
        struct zmq_job send = {.socket = push, .size = size, .count = count};
        pthread_t receiver, sender;
        pthread_create(&receiver, NULL, pull_receiver, &receive);
        pthread_create(&sender, NULL, push_sender, &send);
        pthread_join(receiver, NULL);
        pthread_join(sender, NULL);
        if (!receive.failed && !send.failed) result = receive.elapsed_ns;
    }
    // Closed only now: the sender may not close (and drop queued messages) before the receiver is done.
    if (push) zmq_close(push);
    if (pull) zmq_close(pull);
    return result;
}

static void *pair_echo(void *arg) {
    struct zmq_job *job = arg;
    char *buffer = malloc(RAW_RECEIVE_BUFFER_BYTES);
    for (uint64_t i = 0; i < job->count; i++) {
        int n = zmq_recv(job->socket, buffer, RAW_RECEIVE_BUFFER_BYTES, 0);
        if (n < 0 || zmq_send(job->socket, buffer, (size_t)n, 0) < 0) {
            job->failed = raw_fail("echo: %s", zmq_strerror(zmq_errno()));
            break;
        }
    }
    free(buffer);
    return NULL;
}

int raw_zmq_rtt(const char *address, size_t size, uint32_t warmup, uint32_t iterations, int hwm, uint64_t *rtt_ns) {
    if (size > RAW_RECEIVE_BUFFER_BYTES) return raw_fail("size %zu exceeds the receive buffer", size);
    void *server = open_socket(ZMQ_PAIR, hwm);
    void *client = open_socket(ZMQ_PAIR, hwm);
    if (!server || !client) return raw_fail("zmq_socket: %s", zmq_strerror(zmq_errno()));
    if (zmq_bind(server, address) != 0) return raw_fail("zmq_bind %s: %s", address, zmq_strerror(zmq_errno()));
    if (zmq_connect(client, address) != 0) return raw_fail("zmq_connect %s: %s", address, zmq_strerror(zmq_errno()));

    char *payload = malloc(size ? size : 1);
    char *buffer = malloc(RAW_RECEIVE_BUFFER_BYTES);
    memset(payload, 0x5A, size);
    // On the heap: after a failure the echo thread stays blocked and is leaked, not joined.
    struct zmq_job *echo = calloc(1, sizeof *echo);
    echo->socket = server;
    echo->count = (uint64_t)warmup + iterations;
    pthread_t echoer;
    pthread_create(&echoer, NULL, pair_echo, echo);
    for (uint32_t i = 0; i < warmup + iterations; i++) {
        uint64_t start = raw_now_ns();
        int n = -1;
        if (zmq_send(client, payload, size, 0) >= 0) n = zmq_recv(client, buffer, RAW_RECEIVE_BUFFER_BYTES, 0);
        if (n < 0 || (size_t)n != size) {
            raw_fail("ping-pong: %d bytes back (%s)", n, zmq_strerror(zmq_errno()));
            pthread_detach(echoer);
            return -1;
        }
        if (i >= warmup) rtt_ns[i - warmup] = raw_now_ns() - start;
    }
    pthread_join(echoer, NULL);
    int result = echo->failed ? -1 : 0;
    free(echo);
    free(payload);
    free(buffer);
    zmq_close(client);
    zmq_close(server);
    return result;
}
