/*
 * classifier.c — a fixed-weight linear classifier over the 16 x 16 patch, in 128-bit SIMD.
 *
 *   score[c] = sum_i weights[c][i] * patch[i] + bias[c]        c = cat, dog
 *
 * The weights are nearest-centroid weights (weights.h, written by tools/train.c from frames of a training
 * seed the demo camera does not use): weights[c] is the mean patch of class c scaled to 0..127, and
 * bias[c] = -(255/254)|weights[c]|^2, so the larger score is the nearer class mean. Sixteen pixels at a time:
 * widen u8 → i16 and i8 → i16, multiply-add pairs into i32 lanes (i32x4.dot_i16x8_s), sum the lanes at
 * the end.
 */
#include <wasm_simd128.h>
#include "vision.h"
#include "weights.h"

static int32_t dot(const uint8_t *pixels, const int8_t *w) {
    v128_t sum = wasm_i32x4_splat(0);
    for (int i = 0; i < PATCH_PIXELS; i += 16) {
        v128_t p = wasm_v128_load(pixels + i);
        v128_t k = wasm_v128_load(w + i);
        sum = wasm_i32x4_add(sum, wasm_i32x4_dot_i16x8(wasm_u16x8_extend_low_u8x16(p),
                                                       wasm_i16x8_extend_low_i8x16(k)));
        sum = wasm_i32x4_add(sum, wasm_i32x4_dot_i16x8(wasm_u16x8_extend_high_u8x16(p),
                                                       wasm_i16x8_extend_high_i8x16(k)));
    }
    return wasm_i32x4_extract_lane(sum, 0) + wasm_i32x4_extract_lane(sum, 1) +
           wasm_i32x4_extract_lane(sum, 2) + wasm_i32x4_extract_lane(sum, 3);
}

void classify_patch(const patch *in, scores *out) {
    out->seq = in->seq;
    out->truth = in->truth;
    out->present = in->present;
    out->reserved[0] = out->reserved[1] = 0;
    out->score_cat = out->score_dog = 0;
    if (!in->present) return;
    out->score_cat = dot(in->pixels, CLASS_WEIGHTS[0]) + CLASS_BIAS[0];
    out->score_dog = dot(in->pixels, CLASS_WEIGHTS[1]) + CLASS_BIAS[1];
}
