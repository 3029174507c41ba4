/*
 * scene — stage 1 of the demo's vision pipeline: the synthetic camera's picture.
 *
 * The gateway's camera source delivers an empty 48 x 48 gray8 frame at a fixed rate with a sequence number
 * (metadata `seq`); this stage paints frame `seq` of the synthetic scene into it (src/scene.c: a cat, a
 * dog or nothing, with changing light and noise) and passes it on with `truth=` the animal it drew.
 * Needs: pipeline, system.
 */
#include "../src/message.h"
#include "../src/labels.h"

#define CAMERA_SEED 0xca75u      /* tools/train.c trains on another seed */

static frame picture;

__attribute__((export_name("on_event"))) int32_t on_event(const wb_message *in, uint32_t len) {
    (void)len;
    if (in->kind != WB_MSG_FRAME || in->width != FRAME_WIDTH || in->height != FRAME_HEIGHT) {
        log_text(WB_LOG_ERROR, "scene: expected a 48 x 48 camera frame");
        return 1;
    }
    uint32_t seq = (uint32_t)meta_int(in, "seq", 0);
    scene_draw(CAMERA_SEED, seq, &picture);
    outgoing out;
    out_begin(&out, WB_MSG_FRAME);
    out_frame(&out, FRAME_WIDTH, FRAME_HEIGHT);
    out_put(&out, "truth", label_name(picture.truth));
    return out_emit(&out, picture.pixels, FRAME_PIXELS) < 0;
}
