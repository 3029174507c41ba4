/*
 * preprocess.c — finds the bright object in a frame and turns it into a 16 x 16 patch that does not depend
 * on where the object is, how big it is, or how bright the light is:
 *
 *   1. threshold: two-means (isodata) on the frame's histogram, so it follows the light;
 *   2. presence: the two means must be far enough apart and enough pixels above the threshold;
 *   3. bounding box of the pixels above the threshold;
 *   4. each patch cell = the share of its source pixels above the threshold, 0..255 (box filter).
 *
 * Min/max and the thresholded row scans use 128-bit SIMD (wasm_simd128.h).
 */
#include <wasm_simd128.h>
#include "vision.h"

#define MIN_CONTRAST 60    /* the two means of an empty, noisy frame lie closer than this */
#define MIN_AREA     24    /* fewer bright pixels than this is noise, not an animal */

/* Two-means threshold: start between min and max, move to the midpoint of the means on either side. */
static int isodata_threshold(const uint32_t histogram[256], int lo, int hi, int *mean_low, int *mean_high) {
    int t = (lo + hi + 1) / 2;
    for (int round = 0; round < 16; round++) {
        uint64_t n0 = 0, s0 = 0, n1 = 0, s1 = 0;
        for (int v = lo; v <= hi; v++) {
            if (v < t) { n0 += histogram[v]; s0 += (uint64_t)histogram[v] * (uint64_t)v; }
            else       { n1 += histogram[v]; s1 += (uint64_t)histogram[v] * (uint64_t)v; }
        }
        *mean_low = n0 ? (int)(s0 / n0) : lo;
        *mean_high = n1 ? (int)(s1 / n1) : hi;
        int next = (*mean_low + *mean_high + 1) / 2;
        if (next == t) break;
        t = next;
    }
    return t;
}

void preprocess_frame(const frame *in, patch *out) {
    const uint8_t *px = in->pixels;
    out->seq = in->seq;
    out->truth = in->truth;
    out->present = 0;
    out->area = 0;
    out->box_x = out->box_y = out->box_w = out->box_h = 0;
    for (int i = 0; i < PATCH_PIXELS; i++) out->pixels[i] = 0;

    /* 1. min, max (SIMD) and the histogram */
    v128_t vmin = wasm_u8x16_splat(255), vmax = wasm_u8x16_splat(0);
    for (int i = 0; i < FRAME_PIXELS; i += 16) {
        v128_t v = wasm_v128_load(px + i);
        vmin = wasm_u8x16_min(vmin, v);
        vmax = wasm_u8x16_max(vmax, v);
    }
    int lo = 255, hi = 0;
    for (int lane = 0; lane < 16; lane++) {
        uint8_t a = ((uint8_t *)&vmin)[lane], b = ((uint8_t *)&vmax)[lane];
        if (a < lo) lo = a;
        if (b > hi) hi = b;
    }
    uint32_t histogram[256] = {0};
    for (int i = 0; i < FRAME_PIXELS; i++) histogram[px[i]]++;
    int mean_low, mean_high;
    int t = isodata_threshold(histogram, lo, hi, &mean_low, &mean_high);
    if (mean_high - mean_low < MIN_CONTRAST) return;

    /* 2-3. area and bounding box: compare 16 pixels at once, look at the lanes only where some are set */
    const v128_t limit = wasm_u8x16_splat((uint8_t)(t - 1));
    int x0 = FRAME_WIDTH, y0 = FRAME_HEIGHT, x1 = -1, y1 = -1, area = 0;
    for (int y = 0; y < FRAME_HEIGHT; y++) {
        for (int x = 0; x < FRAME_WIDTH; x += 16) {
            v128_t above = wasm_u8x16_gt(wasm_v128_load(px + y * FRAME_WIDTH + x), limit);
            uint32_t bits = wasm_i8x16_bitmask(above);
            if (!bits) continue;
            area += __builtin_popcount(bits);
            int first = x + __builtin_ctz(bits), last = x + 31 - __builtin_clz(bits);
            if (first < x0) x0 = first;
            if (last > x1) x1 = last;
            if (y < y0) y0 = y;
            y1 = y;
        }
    }
    out->area = (uint16_t)area;
    if (area < MIN_AREA) return;
    int w = x1 - x0 + 1, h = y1 - y0 + 1;
    out->present = 1;
    out->box_x = (uint8_t)x0; out->box_y = (uint8_t)y0; out->box_w = (uint8_t)w; out->box_h = (uint8_t)h;

    /* 4. box filter onto 16 x 16; a cell covers at least one source pixel when the box is small */
    for (int j = 0; j < PATCH_SIZE; j++) {
        int sy0 = y0 + j * h / PATCH_SIZE, sy1 = y0 + (j + 1) * h / PATCH_SIZE;
        if (sy1 <= sy0) sy1 = sy0 + 1;
        for (int i = 0; i < PATCH_SIZE; i++) {
            int sx0 = x0 + i * w / PATCH_SIZE, sx1 = x0 + (i + 1) * w / PATCH_SIZE;
            if (sx1 <= sx0) sx1 = sx0 + 1;
            int hits = 0, total = 0;
            for (int sy = sy0; sy < sy1; sy++)
                for (int sx = sx0; sx < sx1; sx++, total++)
                    hits += px[sy * FRAME_WIDTH + sx] >= t;
            out->pixels[j * PATCH_SIZE + i] = (uint8_t)(hits * 255 / total);
        }
    }
}
