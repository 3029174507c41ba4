// Built with -msimd128: explicit wasm_simd128.h intrinsics and loops the compiler vectorizes.
#include <stdint.h>
#include <stdio.h>
#include <wasm_simd128.h>

#define N 1024

static float a[N], b[N], c[N];
static int32_t ia[N], ib[N];
static uint8_t bytes[N];

int main(void) {
    for (int i = 0; i < N; i++) {
        a[i] = (float)i * 0.5f;
        b[i] = (float)(N - i) * 0.25f;
        ia[i] = i * 3 - 700;
        ib[i] = (i % 17) - 8;
        bytes[i] = (uint8_t)(i * 13);
    }
    // Vectorizable loops.
    for (int i = 0; i < N; i++) c[i] = a[i] * b[i] + 1.0f;
    int64_t dot = 0;
    for (int i = 0; i < N; i++) dot += (int64_t)ia[i] * ib[i];
    uint32_t byte_sum = 0;
    for (int i = 0; i < N; i++) byte_sum += bytes[i];
    double csum = 0;
    for (int i = 0; i < N; i++) csum += c[i];
    printf("csum=%.3f dot=%lld bytes=%u\n", csum, (long long)dot, byte_sum);

    // Intrinsics.
    v128_t acc = wasm_f32x4_splat(0.0f);
    for (int i = 0; i < N; i += 4) acc = wasm_f32x4_add(acc, wasm_f32x4_mul(wasm_v128_load(&a[i]), wasm_v128_load(&b[i])));
    printf("f32x4 lanes %.2f %.2f %.2f %.2f\n", wasm_f32x4_extract_lane(acc, 0), wasm_f32x4_extract_lane(acc, 1),
           wasm_f32x4_extract_lane(acc, 2), wasm_f32x4_extract_lane(acc, 3));
    v128_t maxes = wasm_i32x4_splat(INT32_MIN);
    for (int i = 0; i < N; i += 4) maxes = wasm_i32x4_max(maxes, wasm_v128_load(&ia[i]));
    printf("i32x4 max %d %d %d %d\n", wasm_i32x4_extract_lane(maxes, 0), wasm_i32x4_extract_lane(maxes, 1),
           wasm_i32x4_extract_lane(maxes, 2), wasm_i32x4_extract_lane(maxes, 3));
    v128_t x = wasm_i8x16_make(1, -2, 3, -4, 5, -6, 7, -8, 9, -10, 11, -12, 13, -14, 127, -128);
    v128_t y = wasm_i8x16_add_sat(x, wasm_i8x16_splat(100));
    v128_t z = wasm_i8x16_shuffle(x, y, 0, 17, 2, 19, 4, 21, 6, 23, 8, 25, 10, 27, 12, 29, 14, 31);
    int8_t out[16];
    wasm_v128_store(out, z);
    for (int i = 0; i < 16; i++) printf("%d%s", out[i], i < 15 ? "," : "\n");
    v128_t mask = wasm_i32x4_gt(wasm_i32x4_make(5, 1, 9, 3), wasm_i32x4_splat(4));
    printf("bitmask=%d any=%d all=%d\n", wasm_i32x4_bitmask(mask), wasm_v128_any_true(mask), wasm_i32x4_all_true(mask));
    v128_t d = wasm_f64x2_sqrt(wasm_f64x2_make(2.0, 9.0));
    printf("f64x2 sqrt %.17g %.17g\n", wasm_f64x2_extract_lane(d, 0), wasm_f64x2_extract_lane(d, 1));
    v128_t conv = wasm_i32x4_trunc_sat_f32x4(wasm_f32x4_make(1.5f, -2.7f, 3e10f, -3e10f));
    printf("trunc_sat %d %d %d %d\n", wasm_i32x4_extract_lane(conv, 0), wasm_i32x4_extract_lane(conv, 1),
           wasm_i32x4_extract_lane(conv, 2), wasm_i32x4_extract_lane(conv, 3));
    return 0;
}
