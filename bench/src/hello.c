/* The smallest WASI program: measures an engine's start-up and teardown, nothing else. */
#include <stdio.h>

int main(void) {
    puts("hello from wasm");
    return 0;
}
