/* SHA-256 (FIPS 180-4) over a 1 MiB buffer, repeated R times, each repetition hashing the buffer
 * with the previous digest written over its first bytes: 32-bit rotates, shifts and adds.
 * Usage: sha256 R [KiB] */
#include <string.h>
#include "bench.h"

typedef struct {
    uint32_t state[8];
    uint64_t length;
    uint8_t block[64];
    size_t filled;
} sha256_context;

static const uint32_t round_constants[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static inline uint32_t rotate_right(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

BENCH_KERNEL static void compress(uint32_t state[8], const uint8_t block[64]) {
    uint32_t w[64];
    for (int i = 0; i < 16; i++)
        w[i] = (uint32_t)block[4 * i] << 24 | (uint32_t)block[4 * i + 1] << 16 |
               (uint32_t)block[4 * i + 2] << 8 | block[4 * i + 3];
    for (int i = 16; i < 64; i++) {
        uint32_t s0 = rotate_right(w[i - 15], 7) ^ rotate_right(w[i - 15], 18) ^ (w[i - 15] >> 3);
        uint32_t s1 = rotate_right(w[i - 2], 17) ^ rotate_right(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint32_t a = state[0], b = state[1], c = state[2], d = state[3];
    uint32_t e = state[4], f = state[5], g = state[6], h = state[7];
    for (int i = 0; i < 64; i++) {
        uint32_t s1 = rotate_right(e, 6) ^ rotate_right(e, 11) ^ rotate_right(e, 25);
        uint32_t choose = (e & f) ^ (~e & g);
        uint32_t t1 = h + s1 + choose + round_constants[i] + w[i];
        uint32_t s0 = rotate_right(a, 2) ^ rotate_right(a, 13) ^ rotate_right(a, 22);
        uint32_t majority = (a & b) ^ (a & c) ^ (b & c);
        uint32_t t2 = s0 + majority;
        h = g; g = f; f = e; e = d + t1;
        d = c; c = b; b = a; a = t1 + t2;
    }
    state[0] += a; state[1] += b; state[2] += c; state[3] += d;
    state[4] += e; state[5] += f; state[6] += g; state[7] += h;
}

static void sha256_init(sha256_context *context) {
    static const uint32_t initial[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                        0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    memcpy(context->state, initial, sizeof initial);
    context->length = 0;
    context->filled = 0;
}

static void sha256_update(sha256_context *context, const uint8_t *data, size_t length) {
    context->length += length;
    while (length > 0) {
        if (context->filled == 0 && length >= 64) {
            compress(context->state, data);
            data += 64;
            length -= 64;
            continue;
        }
        size_t take = 64 - context->filled;
        if (take > length) take = length;
        memcpy(context->block + context->filled, data, take);
        context->filled += take;
        data += take;
        length -= take;
        if (context->filled == 64) {
            compress(context->state, context->block);
            context->filled = 0;
        }
    }
}

static void sha256_final(sha256_context *context, uint8_t digest[32]) {
    uint64_t bit_length = context->length * 8;
    uint8_t pad = 0x80;
    sha256_update(context, &pad, 1);
    pad = 0;
    while (context->filled != 56) sha256_update(context, &pad, 1);
    uint8_t length_bytes[8];
    for (int i = 0; i < 8; i++) length_bytes[i] = (uint8_t)(bit_length >> (56 - 8 * i));
    sha256_update(context, length_bytes, 8);
    for (int i = 0; i < 8; i++)
        for (int j = 0; j < 4; j++) digest[4 * i + j] = (uint8_t)(context->state[i] >> (24 - 8 * j));
}

/* Known answer (FIPS 180-4 example "abc"): a broken engine fails loudly instead of being timed. */
static int self_test(void) {
    static const uint8_t expected[32] = {
        0xba, 0x78, 0x16, 0xbf, 0x8f, 0x01, 0xcf, 0xea, 0x41, 0x41, 0x40, 0xde, 0x5d, 0xae, 0x22, 0x23,
        0xb0, 0x03, 0x61, 0xa3, 0x96, 0x17, 0x7a, 0x9c, 0xb4, 0x10, 0xff, 0x61, 0xf2, 0x00, 0x15, 0xad};
    sha256_context context;
    uint8_t digest[32];
    sha256_init(&context);
    sha256_update(&context, (const uint8_t *)"abc", 3);
    sha256_final(&context, digest);
    return memcmp(digest, expected, 32) == 0;
}

int main(int argc, char **argv) {
    long repeats = bench_arg(argc, argv, 1, 4);
    size_t size = (size_t)bench_arg(argc, argv, 2, 1024) * 1024;
    if (!self_test()) {
        fprintf(stderr, "sha256: self test failed\n");
        return 1;
    }
    uint8_t *buffer = malloc(size);
    if (!buffer || size < 32) return 1;
    for (size_t i = 0; i < size; i += 4) {
        uint32_t word = lcg_next();
        memcpy(buffer + i, &word, size - i < 4 ? size - i : 4);
    }
    uint8_t digest[32];
    for (long r = 0; r < repeats; r++) {
        sha256_context context;
        sha256_init(&context);
        sha256_update(&context, buffer, size);
        sha256_final(&context, digest);
        memcpy(buffer, digest, 32);
    }
    uint32_t checksum = CHECKSUM_SEED;
    for (int i = 0; i < 32; i += 4)
        checksum = mix32(checksum, (uint32_t)digest[i] << 24 | (uint32_t)digest[i + 1] << 16 |
                                       (uint32_t)digest[i + 2] << 8 | digest[i + 3]);
    print_checksum("sha256", checksum);
    return 0;
}
