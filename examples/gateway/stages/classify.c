/*
 * classify — stage 3, the inference: a fixed-weight linear classifier over the 16 x 16 patch in 128-bit
 * SIMD (src/classifier.c, weights from tools/train.c). Passes the patch on with metadata `score.cat` and
 * `score.dog` (raw scores; the larger is the nearer class). A patch with `present=0` gets no scores.
 * Needs: pipeline, system.
 */
#include "../src/message.h"
#include "../src/vision.h"

static patch input;
static scores result;

__attribute__((export_name("on_event"))) int32_t on_event(const wb_message *in, uint32_t len) {
    (void)len;
    if (in->kind != WB_MSG_FRAME || in->width != PATCH_SIZE || in->height != PATCH_SIZE || in->stride != PATCH_SIZE) {
        log_text(WB_LOG_ERROR, "classify: expected a 16 x 16 patch");
        return 1;
    }
    const uint8_t *pixels = wb_message_data((wb_message *)in);
    __builtin_memcpy(input.pixels, pixels, PATCH_PIXELS);
    input.present = meta_int(in, "present", 0) == 1;
    classify_patch(&input, &result);

    outgoing out;
    out_begin(&out, WB_MSG_FRAME);
    out_frame(&out, PATCH_SIZE, PATCH_SIZE);
    if (result.present) {
        out_put_int(&out, "score.cat", result.score_cat);
        out_put_int(&out, "score.dog", result.score_dog);
    }
    return out_emit(&out, pixels, PATCH_PIXELS) < 0;
}
