/*
 * thermometer.c — a Wasmbed device app: reads the board temperature sensor, applies a calibration
 * (gain and offset stored in the app's key-value storage, defaults 1.0 and 0.0), logs each sample through
 * `system`, and keeps the last calibrated value in kv under "last".
 *
 * Capabilities it needs: system; sensor=board-temp; kv.
 * Exports: run(samples) -> number of samples taken, or a negative WB_E* code.
 * Built freestanding (no libc, no WASI) by build.sh.
 */
#include <wasmbed/device.h>

#define LOG_LITERAL(level, text) wb_log((level), (text), sizeof(text) - 1)

/* A tiny text builder: no libc here. */
typedef struct { char data[160]; uint32_t len; } text;

static void put(text *t, const char *s) {
    while (*s && t->len < sizeof t->data) t->data[t->len++] = *s++;
}

static void put_bytes(text *t, const char *s, uint32_t n) {
    for (uint32_t i = 0; i < n && t->len < sizeof t->data; i++) t->data[t->len++] = s[i];
}

static void put_uint(text *t, uint64_t v) {
    char digits[20];
    int n = 0;
    do { digits[n++] = (char)('0' + v % 10); v /= 10; } while (v);
    while (n && t->len < sizeof t->data) t->data[t->len++] = digits[--n];
}

/* Fixed point with three decimals, rounding half away from zero. */
static void put_fixed3(text *t, double v) {
    if (v < 0) { put(t, "-"); v = -v; }
    uint64_t milli = (uint64_t)(v * 1000.0 + 0.5);
    put_uint(t, milli / 1000);
    put(t, ".");
    uint64_t frac = milli % 1000;
    if (frac < 100) put(t, "0");
    if (frac < 10) put(t, "0");
    put_uint(t, frac);
}

static double kv_double(const char *key, uint32_t key_len, double fallback) {
    double value;
    int32_t n = wb_kv_get(key, key_len, &value, sizeof value);
    return n == (int32_t)sizeof value ? value : fallback;
}

static void log_error(const char *what, int32_t code) {
    text t; t.len = 0;
    put(&t, what);
    put(&t, " failed: error ");
    put_uint(&t, (uint64_t)-code);
    wb_log(WB_LOG_ERROR, t.data, t.len);
}

__attribute__((export_name("run")))
int32_t run(int32_t samples) {
    char id[32];
    int32_t id_len = wb_device_info("id", 2, id, sizeof id);
    text hello; hello.len = 0;
    put(&hello, "thermometer on ");
    if (id_len >= 0 && id_len <= (int32_t)sizeof id) put_bytes(&hello, id, (uint32_t)id_len);
    else put(&hello, "unknown device");
    wb_log(WB_LOG_INFO, hello.data, hello.len);

    int32_t sensor = wb_sensor_find("board-temp", 10);
    if (sensor < 0) { log_error("sensor lookup", sensor); return sensor; }
    wb_sensor_info_t info;
    int32_t status = wb_sensor_info(sensor, &info);
    if (status < 0) { log_error("sensor info", status); return status; }
    if (info.kind != WB_SENSOR_TEMPERATURE || info.unit != WB_UNIT_CELSIUS) {
        LOG_LITERAL(WB_LOG_ERROR, "board-temp is not a temperature sensor in degrees Celsius");
        return -WB_EINVAL;
    }

    double gain = kv_double("cal.gain", 8, 1.0);
    double offset = kv_double("cal.offset", 10, 0.0);
    text cal; cal.len = 0;
    put(&cal, "calibration gain=");
    put_fixed3(&cal, gain);
    put(&cal, " offset=");
    put_fixed3(&cal, offset);
    wb_log(WB_LOG_INFO, cal.data, cal.len);

    for (int32_t i = 0; i < samples; i++) {
        if (i > 0) wb_sleep_ms(1000);
        double raw;
        int64_t at;
        status = wb_sensor_read(sensor, &raw, &at);
        if (status < 0) { log_error("sensor read", status); return status; }
        double calibrated = raw * gain + offset;
        text line; line.len = 0;
        put(&line, "sample ");
        put_uint(&line, (uint64_t)i);
        put(&line, " t=");
        put_uint(&line, (uint64_t)(at / 1000000));
        put(&line, "ms raw=");
        put_fixed3(&line, raw);
        put(&line, " C calibrated=");
        put_fixed3(&line, calibrated);
        put(&line, " C");
        wb_log(WB_LOG_INFO, line.data, line.len);
        wb_kv_set("last", 4, &calibrated, sizeof calibrated);
    }
    return samples;
}
