/*
 * message.c — see message.h. The gateway writes each input envelope into `input`, whose address the
 * stage's event_buffer export returns; out_emit assembles an output envelope in `output`.
 */
#include "message.h"

static uint64_t input_words[INPUT_CAPACITY / 8];           /* 8-byte aligned, as the envelope wants */
static uint64_t output_words[(32 + 1024 + INPUT_CAPACITY) / 8];

/*
 * docs/gateway.md: "event_buffer [i32] -> [i32]: where to write an envelope of that many bytes". Too large an
 * envelope gets an address nothing fits at (0xffffffff, -1 as i32), so the host refuses that message rather
 * than writing it over the stack at address 0.
 */
__attribute__((export_name("event_buffer"))) uint8_t *event_buffer(uint32_t size) {
    return size <= sizeof input_words ? (uint8_t *)input_words : (uint8_t *)(uintptr_t)UINT32_MAX;
}

static uint32_t length(const char *s) { uint32_t n = 0; while (s[n]) n++; return n; }

const char *meta_find(const wb_message *msg, const char *key, uint32_t *len) {
    const char *p = wb_message_meta(msg), *end = p + msg->meta_len;
    uint32_t key_len = length(key);
    while (p < end) {
        const char *line_end = p;
        while (line_end < end && *line_end != '\n') line_end++;
        uint32_t i = 0;
        while (i < key_len && p + i < line_end && p[i] == key[i]) i++;
        if (i == key_len && p + i < line_end && p[i] == '=') {
            *len = (uint32_t)(line_end - (p + i + 1));
            return p + i + 1;
        }
        p = line_end + 1;
    }
    *len = 0;
    return 0;
}

int64_t meta_int(const wb_message *msg, const char *key, int64_t fallback) {
    uint32_t len;
    const char *v = meta_find(msg, key, &len);
    if (!v || len == 0) return fallback;
    int negative = v[0] == '-';
    uint32_t i = negative;
    if (i == len) return fallback;
    int64_t n = 0;
    for (; i < len; i++) {
        if (v[i] < '0' || v[i] > '9') return fallback;
        n = n * 10 + (v[i] - '0');
    }
    return negative ? -n : n;
}

int64_t meta_fixed3(const wb_message *msg, const char *key, int64_t fallback) {
    uint32_t len;
    const char *v = meta_find(msg, key, &len);
    if (!v || len == 0 || v[0] == '.') return fallback;
    int64_t whole = 0, frac = 0;
    uint32_t i = 0, decimals = 0;
    for (; i < len && v[i] != '.'; i++) {
        if (v[i] < '0' || v[i] > '9') return fallback;
        whole = whole * 10 + (v[i] - '0');
    }
    if (i < len) i++;                      /* the point */
    for (; i < len; i++, decimals++) {
        if (v[i] < '0' || v[i] > '9' || decimals == 3) return fallback;
        frac = frac * 10 + (v[i] - '0');
    }
    for (; decimals < 3; decimals++) frac *= 10;
    return whole * 1000 + frac;
}

int meta_equals(const wb_message *msg, const char *key, const char *text) {
    uint32_t len;
    const char *v = meta_find(msg, key, &len);
    if (!v || len != length(text)) return 0;
    for (uint32_t i = 0; i < len; i++) if (v[i] != text[i]) return 0;
    return 1;
}

void out_begin(outgoing *out, uint32_t kind) {
    wb_message blank = {0};
    out->header = blank;
    out->header.kind = kind;
}

void out_frame(outgoing *out, uint32_t width, uint32_t height) {
    out->header.kind = WB_MSG_FRAME;
    out->header.format = WB_FORMAT_GRAY8;
    out->header.width = width;
    out->header.height = height;
    out->header.stride = width;
}

static void meta_append(outgoing *out, const char *s, uint32_t n) {
    for (uint32_t i = 0; i < n && out->header.meta_len < sizeof out->meta; i++) out->meta[out->header.meta_len++] = s[i];
}

void out_put(outgoing *out, const char *key, const char *value) {
    meta_append(out, key, length(key));
    meta_append(out, "=", 1);
    meta_append(out, value, length(value));
    meta_append(out, "\n", 1);
}

void out_put_int(outgoing *out, const char *key, int64_t value) {
    text t = {.len = 0};
    text_put_int(&t, value);
    t.data[t.len < sizeof t.data ? t.len : sizeof t.data - 1] = 0;
    out_put(out, key, t.data);
}

void out_put_fixed3(outgoing *out, const char *key, int64_t thousandths) {
    text t = {.len = 0};
    text_put_fixed3(&t, thousandths);
    t.data[t.len < sizeof t.data ? t.len : sizeof t.data - 1] = 0;
    out_put(out, key, t.data);
}

int32_t out_emit(outgoing *out, const void *data, uint32_t data_len) {
    uint32_t size = wb_message_size(out->header.meta_len, data_len);
    if (size > sizeof output_words) return -WB_EMSGSIZE;
    wb_message *msg = (wb_message *)output_words;
    out->header.data_len = data_len;
    *msg = out->header;
    char *meta = (char *)(msg + 1);
    for (uint32_t i = 0; i < out->header.meta_len; i++) meta[i] = out->meta[i];
    for (uint32_t i = out->header.meta_len; i < WB_ALIGN8(out->header.meta_len); i++) meta[i] = 0;
    __builtin_memcpy(wb_message_data(msg), data, data_len);
    return wb_emit(msg, size);
}

void log_text(int32_t level, const char *message) { wb_log(level, message, length(message)); }

void text_put(text *t, const char *s) {
    while (*s && t->len < sizeof t->data) t->data[t->len++] = *s++;
}

void text_put_int(text *t, int64_t v) {
    if (v < 0) { text_put(t, "-"); v = -v; }
    char digits[20];
    int n = 0;
    do { digits[n++] = (char)('0' + v % 10); v /= 10; } while (v);
    while (n && t->len < sizeof t->data) t->data[t->len++] = digits[--n];
}

void text_put_fixed3(text *t, int64_t thousandths) {
    if (thousandths < 0) { text_put(t, "-"); thousandths = -thousandths; }
    text_put_int(t, thousandths / 1000);
    text_put(t, ".");
    int64_t frac = thousandths % 1000;
    if (frac < 100) text_put(t, "0");
    if (frac < 10) text_put(t, "0");
    text_put_int(t, frac);
}

void text_log(text *t, int32_t level) { wb_log(level, t->data, t->len); }
