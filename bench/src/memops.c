/* memcpy / memmove / memset of mixed sizes (8 B .. 8 KiB) inside a 4 MiB buffer, R rounds of
 * 4096 operations. Built twice: plain -O2 calls libc's memcpy (a loop of wasm instructions),
 * -mbulk-memory turns the same calls into memory.copy / memory.fill. Usage: memops R */
#include <string.h>
#include "bench.h"

#define BUFFER_SIZE (4u << 20)
#define OPERATIONS_PER_ROUND 4096

/* One round: OPERATIONS_PER_ROUND copies, moves and fills of random sizes and places. */
BENCH_KERNEL static uint32_t run_round(uint8_t *buffer, uint32_t checksum) {
    for (int op = 0; op < OPERATIONS_PER_ROUND; op++) {
        uint32_t random = lcg_next();
        /* Sizes spread over 8 B .. 8 KiB, log-uniform: small copies dominate real programs. */
        uint32_t size = 8u << (random % 11);
        size += (random >> 4) % size;
        if (size > 8192) size = 8192;
        uint32_t source = lcg_next() % (BUFFER_SIZE - size);
        uint32_t target = lcg_next() % (BUFFER_SIZE - size);
        switch ((random >> 20) % 4) {
        case 0:
        case 1:
            /* Distinct halves of the buffer, so the ranges never overlap (memcpy's contract). */
            source %= BUFFER_SIZE / 2 - size;
            target = BUFFER_SIZE / 2 + target % (BUFFER_SIZE / 2 - size);
            memcpy(buffer + target, buffer + source, size);
            break;
        case 2:
            memmove(buffer + target, buffer + source, size);
            break;
        default:
            memset(buffer + target, (int)(random >> 24), size);
            break;
        }
        checksum = mix32(checksum, buffer[(target + size / 2) % BUFFER_SIZE]);
    }
    return checksum;
}

int main(int argc, char **argv) {
    long rounds = bench_arg(argc, argv, 1, 10);
    uint8_t *buffer = malloc(BUFFER_SIZE);
    if (!buffer) return 1;
    for (uint32_t i = 0; i < BUFFER_SIZE; i += 4) {
        uint32_t word = lcg_next();
        memcpy(buffer + i, &word, 4);
    }
    uint32_t checksum = CHECKSUM_SEED;
    for (long r = 0; r < rounds; r++) checksum = run_round(buffer, checksum);
    for (uint32_t i = 0; i < BUFFER_SIZE; i += 4093) checksum = mix32(checksum, buffer[i]);
    print_checksum("memops", checksum);
    free(buffer);
    return 0;
}
