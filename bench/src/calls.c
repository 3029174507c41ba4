/* Call-overhead probe, built for bare wasm32 (no WASI, no libc): the embedding benchmark calls
 * add_one from the host many times (host -> wasm) and call_host once, which calls the imported
 * env.host_increment n times (wasm -> host). */
#include <stdint.h>

__attribute__((import_module("env"), import_name("host_increment")))
int32_t host_increment(int32_t value);

__attribute__((export_name("add_one"))) int32_t add_one(int32_t value) { return value + 1; }

__attribute__((export_name("call_host"))) int32_t call_host(int32_t count) {
    int32_t value = 0;
    for (int32_t i = 0; i < count; i++) value = host_increment(value);
    return value;
}
