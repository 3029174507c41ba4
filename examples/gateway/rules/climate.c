/*
 * climate — rule app of the demo's "facility" tenant: a fan on GPIO pin 4 against overheating.
 *
 * The gateway feeds it board-temp readings (a reading message: f64 °C) and runs the PLC-style rule
 * "overheat" (demo.json): condition `too_hot` must hold for the debounce time before `fan_on` runs;
 * `fan_off` runs when it stops holding. The threshold is 22.0 °C (the simulated board-temp swings
 * 21.5 ± 2 °C), or the f64 stored under kv "threshold" if an operator set one.
 * Needs: system, kv, gpio=4.
 */
#include "../src/message.h"

#define FAN_PIN 4

__attribute__((export_name("on_event"))) int32_t on_event(const wb_message *in, uint32_t len) {
    (void)in; (void)len;
    return 0;   /* the app manager requires an event handler; this app only serves the rule */
}

static double threshold(void) {
    double value;
    return wb_kv_get("threshold", 9, &value, sizeof value) == (int32_t)sizeof value ? value : 22.0;
}

/* 1 when the reading is above the threshold; < 0 when the message is not a temperature reading. */
__attribute__((export_name("too_hot"))) int32_t too_hot(const wb_message *in, uint32_t len) {
    (void)len;
    if (in->kind != WB_MSG_READING || in->format != WB_FORMAT_F64 || in->data_len < 8) return -WB_EINVAL;
    double celsius;
    __builtin_memcpy(&celsius, wb_message_data((wb_message *)in), sizeof celsius);
    return celsius > threshold();
}

static int32_t set_fan(int level, const wb_message *in) {
    int32_t r = wb_gpio_configure(FAN_PIN, WB_GPIO_OUTPUT);
    if (r < 0) return r;
    r = wb_gpio_write(FAN_PIN, level);
    if (r < 0) return r;
    double celsius = 0;
    if (in->kind == WB_MSG_READING && in->data_len >= 8)
        __builtin_memcpy(&celsius, wb_message_data((wb_message *)in), sizeof celsius);
    text t = {.len = 0};
    text_put(&t, level ? "fan on (pin 4 high) at " : "fan off (pin 4 low) at ");
    text_put_fixed3(&t, (int64_t)(celsius * 1000.0));
    text_put(&t, " C");
    text_log(&t, level ? WB_LOG_WARN : WB_LOG_INFO);
    return 0;
}

__attribute__((export_name("fan_on"))) int32_t fan_on(const wb_message *in, uint32_t len) {
    (void)len;
    return set_fan(1, in);
}

__attribute__((export_name("fan_off"))) int32_t fan_off(const wb_message *in, uint32_t len) {
    (void)len;
    return set_fan(0, in);
}
