/*
 * preprocess — stage 2: finds the object in the 48 x 48 frame and scales its bounding box to a 16 x 16
 * patch of 0..255 (src/preprocess.c: adaptive threshold, box filter; SIMD). Emits the patch as a gray8
 * frame with metadata `present` (0 or 1), `area` (pixels above the threshold) and `box` (x,y,w,h).
 * Needs: pipeline, system.
 */
#include "../src/message.h"
#include "../src/vision.h"

static frame picture;
static patch result;

__attribute__((export_name("on_event"))) int32_t on_event(const wb_message *in, uint32_t len) {
    (void)len;
    if (in->kind != WB_MSG_FRAME || in->format != WB_FORMAT_GRAY8 || in->width != FRAME_WIDTH ||
        in->height != FRAME_HEIGHT || in->stride < FRAME_WIDTH) {
        log_text(WB_LOG_ERROR, "preprocess: expected a 48 x 48 gray8 frame");
        return 1;
    }
    const uint8_t *rows = wb_message_data((wb_message *)in);
    for (uint32_t y = 0; y < FRAME_HEIGHT; y++)
        __builtin_memcpy(picture.pixels + y * FRAME_WIDTH, rows + y * in->stride, FRAME_WIDTH);
    picture.seq = (uint32_t)meta_int(in, "seq", 0);
    preprocess_frame(&picture, &result);

    outgoing out;
    out_begin(&out, WB_MSG_FRAME);
    out_frame(&out, PATCH_SIZE, PATCH_SIZE);
    out_put_int(&out, "present", result.present);
    out_put_int(&out, "area", result.area);
    text box = {.len = 0};
    text_put_int(&box, result.box_x); text_put(&box, ",");
    text_put_int(&box, result.box_y); text_put(&box, ",");
    text_put_int(&box, result.box_w); text_put(&box, ",");
    text_put_int(&box, result.box_h);
    box.data[box.len] = 0;
    out_put(&out, "box", box.data);
    return out_emit(&out, result.pixels, PATCH_PIXELS) < 0;
}
