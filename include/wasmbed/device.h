/*
 * wasmbed/device.h — the Wasmbed device host API (ABI major version 1) for guests written in C.
 *
 * Every function is imported from module "wasmbed:<api>/1" and takes only i32/i64 values: pointers and
 * lengths into the guest's own linear memory (memory 0). Return values: >= 0 on success (a count, a length,
 * a handle, a level), or a negative WB_E* error code. A pointer/length pair that does not lie inside the
 * guest's memory gives -WB_EFAULT; it never traps. See docs/host-api.md.
 *
 * Variable-length results (names, info, kv values, datagram senders) follow one rule: the function returns the
 * full length, and writes the bytes only when they fit whole in the buffer (ret <= capacity).
 *
 * Build freestanding: clang --target=wasm32 -nostdlib -Wl,--no-entry -I include ...
 * An app needs a capability for each API it imports (e.g. "sensor=board-temp"); see the manifest docs.
 */
#ifndef WASMBED_DEVICE_H
#define WASMBED_DEVICE_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define WB_ABI_MAJOR 1
#define WB_ABI_MINOR 0

#define WB_IMPORT(api, name) __attribute__((import_module("wasmbed:" api "/1"), import_name(name)))

/* ---- error codes (returned negated) ---- */
#define WB_EPERM        1   /* not permitted now (e.g. writing an input pin) */
#define WB_ENOENT       2   /* no such key, sensor or info item */
#define WB_EIO          5   /* the device reported an I/O error */
#define WB_ENXIO        6   /* nothing at that bus address (NACK), or no such bus */
#define WB_EBADF        9   /* bad socket handle */
#define WB_EAGAIN      11   /* nothing available right now */
#define WB_EACCES      13   /* the app was not granted this pin, address, endpoint or sensor */
#define WB_EFAULT      14   /* a pointer/length outside the guest's memory */
#define WB_EBUSY       16   /* resource in use (e.g. local port) */
#define WB_EINVAL      22   /* argument out of range */
#define WB_ENOSPC      28   /* storage quota full, or too many open sockets */
#define WB_ENAMETOOLONG 36  /* key, value, transfer or endpoint longer than the host accepts */
#define WB_EMSGSIZE    90   /* datagram too long */
#define WB_ENOTSUP     95   /* not available on this device */
#define WB_ETIMEDOUT  110   /* the wait ended without the event */
#define WB_EHOSTUNREACH 113 /* peer cannot be reached or resolved */

/* ---- system ---- */
#define WB_LOG_ERROR 1
#define WB_LOG_WARN  2
#define WB_LOG_INFO  3
#define WB_LOG_DEBUG 4
#define WB_LOG_TRACE 5

/* (major << 16) | minor of the host's ABI; a guest built for 1.N needs minor >= N. */
WB_IMPORT("system", "abi_version") int32_t wb_abi_version(void);
/* Logs len bytes of UTF-8 at a level; longer than the host's limit (1 KiB by default) is cut. */
WB_IMPORT("system", "log") int32_t wb_log(int32_t level, const char *msg, uint32_t len);
/* Nanoseconds since an arbitrary start; never goes back. */
WB_IMPORT("system", "monotonic_ns") int64_t wb_monotonic_ns(void);
/* Nanoseconds since 1970-01-01T00:00:00Z. */
WB_IMPORT("system", "wall_time_ns") int64_t wb_wall_time_ns(void);
/* Sleeps; bounded: a sleep longer than the host's limit (1 s by default) is cut to it. */
WB_IMPORT("system", "sleep_ms") int32_t wb_sleep_ms(int32_t ms);
WB_IMPORT("system", "yield") int32_t wb_yield(void);
/* Device facts by key: "id", "model", "firmware", "abi". */
WB_IMPORT("system", "device_info") int32_t wb_device_info(const char *key, uint32_t key_len, char *buf, uint32_t cap);

/* ---- sensor ---- ids are 0..count-1 over the sensors this app was granted */
#define WB_SENSOR_TEMPERATURE  1
#define WB_SENSOR_HUMIDITY     2
#define WB_SENSOR_PRESSURE     3
#define WB_SENSOR_ACCELERATION 4   /* 3 channels: x, y, z */
#define WB_SENSOR_LIGHT        5
#define WB_SENSOR_VOLTAGE      6

#define WB_UNIT_CELSIUS  1
#define WB_UNIT_PERCENT  2
#define WB_UNIT_PASCAL   3
#define WB_UNIT_M_PER_S2 4
#define WB_UNIT_LUX      5
#define WB_UNIT_VOLT     6

typedef struct wb_sensor_info_t {
    uint32_t kind;      /* WB_SENSOR_* */
    uint32_t unit;      /* WB_UNIT_* */
    uint32_t channels;  /* values per reading */
    uint32_t reserved;
} wb_sensor_info_t;

WB_IMPORT("sensor", "count") int32_t wb_sensor_count(void);
WB_IMPORT("sensor", "info") int32_t wb_sensor_info(int32_t id, wb_sensor_info_t *info);
WB_IMPORT("sensor", "name") int32_t wb_sensor_name(int32_t id, char *buf, uint32_t cap);
/* The id of the sensor called name, or -WB_ENOENT. */
WB_IMPORT("sensor", "find") int32_t wb_sensor_find(const char *name, uint32_t len);
/* Reads channel 0; timestamp_ns (monotonic) may be NULL. */
WB_IMPORT("sensor", "read") int32_t wb_sensor_read(int32_t id, double *value, int64_t *timestamp_ns);
/* Reads every channel; returns the channel count (values written only when count <= capacity). */
WB_IMPORT("sensor", "read_channels") int32_t wb_sensor_read_channels(int32_t id, double *values, uint32_t capacity, int64_t *timestamp_ns);

/* ---- gpio ---- */
#define WB_GPIO_INPUT          0
#define WB_GPIO_OUTPUT         1
#define WB_GPIO_INPUT_PULLUP   2
#define WB_GPIO_INPUT_PULLDOWN 3

#define WB_EDGE_RISING  1
#define WB_EDGE_FALLING 2
#define WB_EDGE_BOTH    3

WB_IMPORT("gpio", "pin_count") int32_t wb_gpio_pin_count(void);
/* Configuring an input starts recording its edges. */
WB_IMPORT("gpio", "configure") int32_t wb_gpio_configure(int32_t pin, int32_t mode);
/* 0 or 1. */
WB_IMPORT("gpio", "read") int32_t wb_gpio_read(int32_t pin);
WB_IMPORT("gpio", "write") int32_t wb_gpio_write(int32_t pin, int32_t level);
/* Waits (bounded, 10 s by default) for an edge; returns WB_EDGE_RISING or WB_EDGE_FALLING, or -WB_ETIMEDOUT. */
WB_IMPORT("gpio", "wait_edge") int32_t wb_gpio_wait_edge(int32_t pin, int32_t edges, int32_t timeout_ms);

/* ---- i2c ---- address: 7-bit; 0 on success */
WB_IMPORT("i2c", "write") int32_t wb_i2c_write(int32_t bus, int32_t addr, const void *data, uint32_t len);
WB_IMPORT("i2c", "read") int32_t wb_i2c_read(int32_t bus, int32_t addr, void *buf, uint32_t len);
/* A write, a repeated start, then a read: e.g. select a register and read it. */
WB_IMPORT("i2c", "write_read") int32_t wb_i2c_write_read(int32_t bus, int32_t addr, const void *data, uint32_t len, void *buf, uint32_t buf_len);

/* ---- spi ---- */
WB_IMPORT("spi", "configure") int32_t wb_spi_configure(int32_t bus, int32_t cs, int32_t mode, int32_t clock_hz);
/* Full duplex: sends tx[0..len) while receiving rx[0..len); tx and rx may be the same buffer. */
WB_IMPORT("spi", "transfer") int32_t wb_spi_transfer(int32_t bus, int32_t cs, const void *tx, void *rx, uint32_t len);

/* ---- uart ---- */
WB_IMPORT("uart", "configure") int32_t wb_uart_configure(int32_t port, int32_t baud);
/* Returns bytes accepted. */
WB_IMPORT("uart", "write") int32_t wb_uart_write(int32_t port, const void *data, uint32_t len);
/* Returns bytes read; 0 when nothing came within the timeout. */
WB_IMPORT("uart", "read") int32_t wb_uart_read(int32_t port, void *buf, uint32_t cap, int32_t timeout_ms);

/* ---- net ---- datagrams; endpoints are text "host:port" or "[ipv6]:port" */
/* Opens a socket on local_port (0: any free port); returns a handle. */
WB_IMPORT("net", "open") int32_t wb_net_open(int32_t local_port);
WB_IMPORT("net", "close") int32_t wb_net_close(int32_t handle);
/* Returns bytes sent; -WB_EACCES for an endpoint the app was not granted. */
WB_IMPORT("net", "send") int32_t wb_net_send(int32_t handle, const char *endpoint, uint32_t endpoint_len, const void *data, uint32_t len);
/* Returns the datagram's length (cut to cap). The sender's "host:port" goes to from (if it fits) and its
   length to *from_len. Datagrams from peers the app was not granted are dropped unseen. */
WB_IMPORT("net", "recv") int32_t wb_net_recv(int32_t handle, void *buf, uint32_t cap, char *from, uint32_t from_cap, uint32_t *from_len, int32_t timeout_ms);

/* ---- kv ---- the app's persistent storage; keys 1..256 bytes, values up to 64 KiB */
/* Returns the value's length (written only when <= cap), or -WB_ENOENT. */
WB_IMPORT("kv", "get") int32_t wb_kv_get(const void *key, uint32_t key_len, void *buf, uint32_t cap);
WB_IMPORT("kv", "set") int32_t wb_kv_set(const void *key, uint32_t key_len, const void *value, uint32_t len);
WB_IMPORT("kv", "delete") int32_t wb_kv_delete(const void *key, uint32_t key_len);

#undef WB_IMPORT

#ifdef __cplusplus
}
#endif

#endif /* WASMBED_DEVICE_H */
