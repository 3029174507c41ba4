/*
 * counter — stage 5, the business logic: counts the animals it is told to count. Built twice from this
 * file (see ../build): "count cats" (counter 1.0.0, COUNTED="cat") and "count dogs" (counter 2.0.0,
 * COUNTED="dog"). Swapping one package for the other is a hot swap through the app manager: the pipeline
 * keeps running and the output changes from the next message on.
 *
 * A detection counts when its `label` is COUNTED with `confidence` >= 0.600. The count lives in the app's
 * kv storage under "count.cat" / "count.dog" (committed with each event), so it survives restarts, and
 * each version keeps its own: after a rollback the cat count resumes where it was. Output metadata:
 * `counting` (what this version counts), `count` (its total) and `counted` (1 when this message counted).
 * Needs: pipeline, system, kv.
 *
 * Built a third time with -DFAULTY as counter 2.1.0, a broken release that traps as it starts: updating to it
 * shows the app manager's automatic rollback (the old version keeps serving, the trap is reported).
 */
#include "../src/message.h"

#ifndef COUNTED
#error "build with -DCOUNTED=\"cat\" or -DCOUNTED=\"dog\""
#endif

#define MIN_CONFIDENCE 600     /* thousandths */

static const char KEY[] = "count." COUNTED;
static int64_t count;

static int32_t save(void) {
    uint8_t bytes[8];
    for (int i = 0; i < 8; i++) bytes[i] = (uint8_t)((uint64_t)count >> (8 * i));
    return wb_kv_set(KEY, sizeof KEY - 1, bytes, sizeof bytes);
}

/* Called at install, update and boot: read the count this version kept (none yet is 0). */
__attribute__((export_name("start"))) void start(void) {
#ifdef FAULTY
    log_text(WB_LOG_ERROR, "counter 2.1.0: this build is broken on purpose and traps now");
    __builtin_trap();
#endif
    uint8_t bytes[8];
    int32_t n = wb_kv_get(KEY, sizeof KEY - 1, bytes, sizeof bytes);
    count = 0;
    if (n == 8)
        for (int i = 0; i < 8; i++) count |= (int64_t)bytes[i] << (8 * i);
    text t = {.len = 0};
    text_put(&t, "counting " COUNTED "s, ");
    text_put_int(&t, count);
    text_put(&t, " so far");
    text_log(&t, WB_LOG_INFO);
}

__attribute__((export_name("on_event"))) int32_t on_event(const wb_message *in, uint32_t len) {
    (void)len;
    int counted = meta_equals(in, "label", COUNTED) && meta_fixed3(in, "confidence", 0) >= MIN_CONFIDENCE;
    if (counted) {
        count++;
        if (save() < 0) {
            log_text(WB_LOG_ERROR, "counter: could not store the count");
            return 1;
        }
        if (count % 50 == 0) {
            text t = {.len = 0};
            text_put_int(&t, count);
            text_put(&t, " " COUNTED "s counted");
            text_log(&t, WB_LOG_INFO);
        }
    }
    outgoing out;
    out_begin(&out, in->kind);
    if (in->kind == WB_MSG_FRAME) out_frame(&out, in->width, in->height);
    out_put(&out, "counting", COUNTED);
    out_put_int(&out, "count", count);
    out_put_int(&out, "counted", counted);
    return out_emit(&out, wb_message_data((wb_message *)in), in->data_len) < 0;
}
