/*
 * vision.h — the data the demo's vision pipeline passes between stages, and the pure functions each stage
 * wraps (no imports, no libc: the same code runs inside the stages and in the offline tools).
 *
 *   camera ──frame──► preprocess ──patch──► classify ──scores──► normalise ──detection──► count
 *
 * Every record is little-endian and starts with the frame's sequence number, so any stage can say which
 * frame it is looking at. `truth` is the label the synthetic camera drew; stages pass it along untouched so
 * the dashboard can show accuracy, and no stage decides anything from it.
 */
#ifndef WASMBED_DEMO_VISION_H
#define WASMBED_DEMO_VISION_H

#include <stdint.h>

#define FRAME_WIDTH  48
#define FRAME_HEIGHT 48
#define FRAME_PIXELS (FRAME_WIDTH * FRAME_HEIGHT)

#define PATCH_SIZE   16                       /* preprocess crops the object and scales it to 16 x 16 */
#define PATCH_PIXELS (PATCH_SIZE * PATCH_SIZE)

enum label { LABEL_NONE = 0, LABEL_CAT = 1, LABEL_DOG = 2 };

/* camera → preprocess: 8-bit grayscale, row-major */
typedef struct {
    uint32_t seq;
    uint16_t width, height;                   /* FRAME_WIDTH, FRAME_HEIGHT */
    uint8_t truth;                            /* enum label the camera drew */
    uint8_t reserved[3];
    uint8_t pixels[FRAME_PIXELS];
} frame;

/* preprocess → classify: the object's bounding box scaled to 16 x 16, contrast-stretched to 0..255 */
typedef struct {
    uint32_t seq;
    uint8_t truth;
    uint8_t present;                          /* 0: nothing bright enough in the frame */
    uint16_t area;                            /* pixels above the threshold */
    uint8_t box_x, box_y, box_w, box_h;       /* bounding box in the frame */
    uint8_t pixels[PATCH_PIXELS];
} patch;

/* classify → normalise: raw linear scores, one per class */
typedef struct {
    uint32_t seq;
    uint8_t truth;
    uint8_t present;
    uint8_t reserved[2];
    int32_t score_cat, score_dog;
} scores;

/* scene.c: draws frame number `seq` of the camera whose seed is `seed` (deterministic). */
void scene_draw(uint32_t seed, uint32_t seq, frame *out);

/* preprocess.c: threshold, bounding box, box-filter scaling, contrast stretch. */
void preprocess_frame(const frame *in, patch *out);

/* classifier.c: fixed-weight linear classifier over the patch (SIMD). */
void classify_patch(const patch *in, scores *out);

#endif
