/* Shared helpers for the Wasmbed benchmark workloads.
 *
 * Every workload is a plain C program, built both natively and for wasm32-wasi, that prints one
 * line "NAME CHECKSUM" on stdout. The runner checks that every engine prints the same line, so a
 * wrong result is never reported as a fast one. Inputs come from the LCG below (never from libc
 * rand(), whose sequence differs between libcs), and the size is settable from argv so the suite
 * can be scaled to a slow engine. */
#ifndef WASMBED_BENCH_H
#define WASMBED_BENCH_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* Marks a workload's kernel. Keeping it a separate function that main calls once per repetition
 * matters for V8: it tiers a wasm function up from its baseline compiler (Liftoff) to its
 * optimizing one (TurboFan) only between calls, never in the middle of a running loop, so a
 * kernel inlined into main would be measured on the baseline compiler throughout. */
#define BENCH_KERNEL __attribute__((noinline))

/* Numerical Recipes' 32-bit LCG: deterministic, identical on every target. */
static uint32_t lcg_state = 12345u;

static inline void lcg_seed(uint32_t seed) { lcg_state = seed; }

static inline uint32_t lcg_next(void) {
    lcg_state = lcg_state * 1664525u + 1013904223u;
    return lcg_state;
}

/* argv[index] as a positive integer, or fallback when absent. Exits on nonsense so that a typo in
 * a size never silently benchmarks the default. */
static long bench_arg(int argc, char **argv, int index, long fallback) {
    if (argc <= index) return fallback;
    char *end;
    long value = strtol(argv[index], &end, 10);
    if (*end != '\0' || value <= 0) {
        fprintf(stderr, "bad size argument '%s' (want a positive integer)\n", argv[index]);
        exit(2);
    }
    return value;
}

/* Folds a value into a running checksum (FNV-1a over the four bytes). */
static inline uint32_t mix32(uint32_t hash, uint32_t value) {
    for (int i = 0; i < 4; i++) {
        hash ^= (value >> (8 * i)) & 0xffu;
        hash *= 16777619u;
    }
    return hash;
}

#define CHECKSUM_SEED 2166136261u

static inline void print_checksum(const char *name, uint32_t checksum) {
    printf("%s %08x\n", name, (unsigned)checksum);
}

#endif
