/* CRC-16/CCITT (bitwise, polynomial 0x1021) over 100 ints, repeated R times: the CRC workload of
 * the published microcontroller comparison of wasm3 and WAMR. Usage: crc16 R [N] */
#include "bench.h"

BENCH_KERNEL static uint16_t crc16_ccitt(uint16_t crc, const uint8_t *bytes, size_t length) {
    for (size_t i = 0; i < length; i++) {
        crc ^= (uint16_t)(bytes[i] << 8);
        for (int bit = 0; bit < 8; bit++)
            crc = (crc & 0x8000u) ? (uint16_t)((crc << 1) ^ 0x1021u) : (uint16_t)(crc << 1);
    }
    return crc;
}

int main(int argc, char **argv) {
    long repeats = bench_arg(argc, argv, 1, 1000);
    int count = (int)bench_arg(argc, argv, 2, 100);
    uint32_t *values = malloc(sizeof(uint32_t) * (size_t)count);
    if (!values) return 1;
    for (int i = 0; i < count; i++) values[i] = lcg_next();
    uint32_t checksum = CHECKSUM_SEED;
    uint16_t crc = 0xffffu;
    for (long r = 0; r < repeats; r++) {
        /* Change one input word per repetition so no repetition can be hoisted out of the loop. */
        values[r % count] ^= (uint32_t)r;
        crc = crc16_ccitt(crc, (const uint8_t *)values, sizeof(uint32_t) * (size_t)count);
        checksum = mix32(checksum, crc);
    }
    print_checksum("crc16", checksum);
    free(values);
    return 0;
}
