/*
 * message.h — the small toolkit the demo stages share for gateway messages (docs/gateway.md, "Messages"):
 * the input buffer the gateway writes envelopes into, reading metadata values, and building and emitting
 * an output envelope. No libc: numbers are formatted and parsed here.
 */
#ifndef WASMBED_DEMO_MESSAGE_H
#define WASMBED_DEMO_MESSAGE_H

#include <stdint.h>
#include <wasmbed/device.h>
#include <wasmbed/gateway.h>

#define INPUT_CAPACITY (16u * 1024u)    /* the demo's largest input is a 48 x 48 frame */

/* The value of `key` in the message's metadata, or NULL; its length goes to *len. */
const char *meta_find(const wb_message *msg, const char *key, uint32_t *len);
/* The value of `key` as a decimal integer, or `fallback` when absent or not a number. */
int64_t meta_int(const wb_message *msg, const char *key, int64_t fallback);
/* The value of `key` read as a decimal with up to three decimals ("0.923" → 923), or `fallback`. */
int64_t meta_fixed3(const wb_message *msg, const char *key, int64_t fallback);
/* 1 when the value of `key` equals `text` */
int meta_equals(const wb_message *msg, const char *key, const char *text);

/* An output message under construction; metadata is appended as key=value lines. */
typedef struct {
    wb_message header;
    char meta[1024];
} outgoing;

void out_begin(outgoing *out, uint32_t kind);
void out_frame(outgoing *out, uint32_t width, uint32_t height);   /* gray8, stride = width */
void out_put(outgoing *out, const char *key, const char *value);
void out_put_int(outgoing *out, const char *key, int64_t value);
void out_put_fixed3(outgoing *out, const char *key, int64_t thousandths);   /* 1234 → "1.234" */
/* Copies header, metadata and data into one envelope and emits it; wb_emit's result. */
int32_t out_emit(outgoing *out, const void *data, uint32_t data_len);

/* Logs a NUL-terminated message through wasmbed:system/1. */
void log_text(int32_t level, const char *text);

/* Text building without libc, for log lines. */
typedef struct { char data[200]; uint32_t len; } text;
void text_put(text *t, const char *s);
void text_put_int(text *t, int64_t v);
void text_put_fixed3(text *t, int64_t thousandths);
void text_log(text *t, int32_t level);

#endif
