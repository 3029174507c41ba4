/*
 * wasmbed/gateway.h — the Wasmbed gateway's message envelope and pipeline API for guests written in C.
 *
 * A pipeline stage or rule module receives one message per on_event / condition / action call, as an
 * envelope in its own memory: a 32-byte header, the metadata ("key=value\n" lines), then the data at
 * 32 + WB_ALIGN8(meta_len). A stage passes messages on with wb_emit (import "wasmbed:pipeline/1" "emit"),
 * which needs the capability "pipeline". See docs/gateway.md.
 *
 * Include wasmbed/device.h first when the module also uses device APIs (for the WB_E* codes).
 */
#ifndef WASMBED_GATEWAY_H
#define WASMBED_GATEWAY_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* message kinds */
#define WB_MSG_BYTES   0
#define WB_MSG_FRAME   1
#define WB_MSG_READING 2

/* formats: frames */
#define WB_FORMAT_GRAY8  1
#define WB_FORMAT_RGB24  2
#define WB_FORMAT_RGBA32 3
/* formats: readings (data is little-endian f64 values, channel 0 first) */
#define WB_FORMAT_F64    1

#define WB_ALIGN8(n) (((n) + 7u) & ~7u)
#define WB_MAX_META 4096u
#define WB_MAX_DATA (8u * 1024u * 1024u)
#define WB_MAX_EMITS 16

/* The envelope header, little-endian (wasm32 is). */
typedef struct wb_message {
    uint32_t kind;      /* WB_MSG_* */
    uint32_t meta_len;  /* bytes of metadata after the header */
    uint32_t data_len;  /* bytes of data */
    uint32_t format;    /* WB_FORMAT_* (frames, readings), else 0 */
    uint32_t width;     /* frames: pixels */
    uint32_t height;    /* frames: rows */
    uint32_t stride;    /* frames: bytes per row */
    uint32_t reserved;  /* 0 */
} wb_message;

/* Metadata and data of an envelope that starts at msg. */
static inline const char *wb_message_meta(const wb_message *msg) { return (const char *)(msg + 1); }
static inline uint8_t *wb_message_data(wb_message *msg) {
    return (uint8_t *)(msg + 1) + WB_ALIGN8(msg->meta_len);
}
/* Total envelope size for given metadata and data lengths. */
static inline uint32_t wb_message_size(uint32_t meta_len, uint32_t data_len) {
    return (uint32_t)sizeof(wb_message) + WB_ALIGN8(meta_len) + data_len;
}

/*
 * Passes an output message on (to the next stage, or to the pipeline's output after the last stage). The
 * envelope is copied during the call. Its metadata overlays the input's (an emitted key wins; "key=" with
 * an empty value removes it). Returns 0, or -WB_EFAULT (range outside memory), -WB_EINVAL (malformed
 * envelope), -WB_ENOSPC (more than WB_MAX_EMITS emits or WB_MAX_DATA), -WB_EPERM (not inside on_event).
 */
__attribute__((import_module("wasmbed:pipeline/1"), import_name("emit")))
int32_t wb_emit(const wb_message *msg, uint32_t len);

#ifdef __cplusplus
}
#endif

#endif
