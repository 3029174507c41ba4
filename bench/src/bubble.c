/* Bubble sort of N ints, repeated R times: the sorting workload of the published
 * microcontroller comparison of wasm3 and WAMR (100 and 1000 elements there). Usage: bubble N R */
#include "bench.h"

BENCH_KERNEL static void bubble_sort(int32_t *values, int count) {
    for (int pass = 0; pass < count - 1; pass++) {
        for (int i = 0; i < count - 1 - pass; i++) {
            if (values[i] > values[i + 1]) {
                int32_t swap = values[i];
                values[i] = values[i + 1];
                values[i + 1] = swap;
            }
        }
    }
}

int main(int argc, char **argv) {
    int count = (int)bench_arg(argc, argv, 1, 100);
    long repeats = bench_arg(argc, argv, 2, 1000);
    int32_t *values = malloc(sizeof(int32_t) * (size_t)count);
    if (!values) return 1;
    uint32_t checksum = CHECKSUM_SEED;
    for (long r = 0; r < repeats; r++) {
        for (int i = 0; i < count; i++) values[i] = (int32_t)lcg_next();
        bubble_sort(values, count);
        /* Sample a few positions so every repetition's result reaches the checksum. */
        checksum = mix32(checksum, (uint32_t)values[0]);
        checksum = mix32(checksum, (uint32_t)values[count / 2]);
        checksum = mix32(checksum, (uint32_t)values[count - 1]);
    }
    for (int i = 0; i < count; i++) checksum = mix32(checksum, (uint32_t)values[i]);
    print_checksum("bubble", checksum);
    free(values);
    return 0;
}
