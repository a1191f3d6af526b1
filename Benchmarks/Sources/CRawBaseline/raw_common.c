// raw_common.c — error reporting for the raw baselines.
#include "raw_baseline.h"
#include "raw_common.h"

#include <stdarg.h>
#include <stdio.h>

// One process-wide message: the benchmarks run one measurement at a time, and a failure on a
// worker thread must reach the caller.
static char last_error[256];

int raw_fail(const char *format, ...) {
    va_list args;
    va_start(args, format);
    vsnprintf(last_error, sizeof last_error, format, args);
    va_end(args);
    fprintf(stderr, "raw: %s\n", last_error);
    return -1;
}

const char *raw_last_error(void) { return last_error; }
