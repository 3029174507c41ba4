/* Native driver for the generated large module: prints run(1), the value the embedding benchmark
 * expects from the wasm build's exported run. */
#include <stdint.h>
#include <stdio.h>

uint32_t run(uint32_t seed);

int main(void) {
    printf("large %08x\n", (unsigned)run(1));
    return 0;
}
