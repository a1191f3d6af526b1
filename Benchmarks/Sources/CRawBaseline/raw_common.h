// raw_common.h — helpers shared by the raw baselines (not part of the public header).
#ifndef RAW_COMMON_H
#define RAW_COMMON_H

#include <stdint.h>
#include <time.h>

/// Monotonic clock in nanoseconds (the same clock the Swift side reads).
static inline uint64_t raw_now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/// Records a printf-style failure for raw_last_error(); returns -1 for `return raw_fail(...)`.
int raw_fail(const char *format, ...) __attribute__((format(printf, 1, 2)));

#endif
