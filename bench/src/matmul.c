/* Dense f64 matrix multiply C = A x B, N x N, repeated R times. The order of every addition is
 * fixed by the source (no -ffast-math), so every engine must produce bit-identical doubles.
 * Usage: matmul N R */
#include <string.h>
#include "bench.h"

BENCH_KERNEL static void multiply(const double *a, const double *b, double *c, int n) {
    for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) c[i * n + j] = 0.0;
        /* i-k-j order: the inner loop walks rows of B and C contiguously. */
        for (int k = 0; k < n; k++) {
            double aik = a[i * n + k];
            for (int j = 0; j < n; j++) c[i * n + j] += aik * b[k * n + j];
        }
    }
}

static uint32_t checksum_doubles(uint32_t checksum, const double *values, int count) {
    for (int i = 0; i < count; i++) {
        uint64_t bits;
        memcpy(&bits, &values[i], sizeof bits);
        checksum = mix32(checksum, (uint32_t)bits);
        checksum = mix32(checksum, (uint32_t)(bits >> 32));
    }
    return checksum;
}

int main(int argc, char **argv) {
    int n = (int)bench_arg(argc, argv, 1, 200);
    long repeats = bench_arg(argc, argv, 2, 1);
    size_t cells = (size_t)n * (size_t)n;
    double *a = malloc(cells * sizeof(double));
    double *b = malloc(cells * sizeof(double));
    double *c = malloc(cells * sizeof(double));
    if (!a || !b || !c) return 1;
    for (size_t i = 0; i < cells; i++) {
        a[i] = (double)(lcg_next() >> 8) / 16777216.0 - 0.5;
        b[i] = (double)(lcg_next() >> 8) / 16777216.0 - 0.5;
    }
    uint32_t checksum = CHECKSUM_SEED;
    for (long r = 0; r < repeats; r++) {
        multiply(a, b, c, n);
        /* Feed the result back so repetitions depend on each other. */
        a[r % (long)cells] = c[(r * 7) % (long)cells];
        checksum = checksum_doubles(checksum, c, n);
    }
    checksum = checksum_doubles(checksum, c, (int)cells);
    print_checksum("matmul", checksum);
    free(a); free(b); free(c);
    return 0;
}
