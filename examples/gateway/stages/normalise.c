/*
 * normalise — stage 4: turns the classifier's raw scores into a label and a confidence in [0, 1], the
 * vocabulary the business logic and the rules speak: metadata `label` (cat, dog or none) and `confidence`
 * (three decimals). Also flags `mismatch=1` when the label differs from the camera's `truth`, and logs it,
 * so the dashboard shows the classifier's mistakes.
 *
 * confidence = 0.5 + 0.5 z / (1 + z), z = |score.cat - score.dog| / SCALE: a smooth, monotonic squashing
 * without exp(). SCALE is a quarter of the smallest margins seen in tools/evaluate.c's run (~6e5 at the
 * 5th percentile), so a typical decision reads about 0.9 and a borderline one about 0.5.
 * Needs: pipeline, system.
 */
#include "../src/message.h"

#define SCALE 150000

__attribute__((export_name("on_event"))) int32_t on_event(const wb_message *in, uint32_t len) {
    (void)len;
    outgoing out;
    out_begin(&out, in->kind);
    if (in->kind == WB_MSG_FRAME) out_frame(&out, in->width, in->height);

    uint32_t n;
    const char *label = "none";
    int64_t confidence = 1000;
    if (meta_find(in, "score.cat", &n) && meta_find(in, "score.dog", &n)) {
        int64_t cat = meta_int(in, "score.cat", 0), dog = meta_int(in, "score.dog", 0);
        int64_t margin = cat > dog ? cat - dog : dog - cat;
        label = cat >= dog ? "cat" : "dog";
        confidence = 500 + 500 * margin / (SCALE + margin);     /* 0.5 + 0.5 z/(1+z), z = margin/SCALE */
    }
    out_put(&out, "label", label);
    out_put_fixed3(&out, "confidence", confidence);

    if (meta_find(in, "truth", &n) && !meta_equals(in, "truth", label)) {
        out_put(&out, "mismatch", "1");
        text t = {.len = 0};
        text_put(&t, "frame ");
        text_put_int(&t, meta_int(in, "seq", 0));
        text_put(&t, ": classified as ");
        text_put(&t, label);
        text_put(&t, " with confidence ");
        text_put_fixed3(&t, confidence);
        text_put(&t, ", but the camera drew something else");
        text_log(&t, WB_LOG_WARN);
    }
    return out_emit(&out, wb_message_data((wb_message *)in), in->data_len) < 0;
}
