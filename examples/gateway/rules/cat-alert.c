/*
 * cat-alert — rule app of the demo's "acme" tenant, on the vision pipeline's output (the counter's
 * messages). Rule "cat-alert" (demo.json): condition `cat_counted` holds for a message that counted a cat;
 * with a window of 3 within 3 s, the gateway fires `lamp_on` (the porch lamp on GPIO pin 5, and a log
 * line) and `lamp_off` when the next message counts none. After the counter is swapped to "count dogs"
 * no message counts a cat any more, so the rule goes quiet: the business-logic swap shows in the rules.
 * Needs: system, gpio=5.
 */
#include "../src/message.h"

#define LAMP_PIN 5

__attribute__((export_name("on_event"))) int32_t on_event(const wb_message *in, uint32_t len) {
    (void)in; (void)len;
    return 0;   /* the app manager requires an event handler; this app only serves the rule */
}

__attribute__((export_name("cat_counted"))) int32_t cat_counted(const wb_message *in, uint32_t len) {
    (void)len;
    return meta_equals(in, "counting", "cat") && meta_int(in, "counted", 0) == 1;
}

static int32_t set_lamp(int level, const wb_message *in) {
    int32_t r = wb_gpio_configure(LAMP_PIN, WB_GPIO_OUTPUT);
    if (r < 0) return r;
    r = wb_gpio_write(LAMP_PIN, level);
    if (r < 0) return r;
    if (level) {
        text t = {.len = 0};
        text_put(&t, "cats at the door: 3 within 3 s (");
        text_put_int(&t, meta_int(in, "count", 0));
        text_put(&t, " so far), porch lamp on");
        text_log(&t, WB_LOG_INFO);
    }
    return 0;
}

__attribute__((export_name("lamp_on"))) int32_t lamp_on(const wb_message *in, uint32_t len) {
    (void)len;
    return set_lamp(1, in);
}

__attribute__((export_name("lamp_off"))) int32_t lamp_off(const wb_message *in, uint32_t len) {
    (void)len;
    return set_lamp(0, in);
}
