/* Naive recursive Fibonacci: almost nothing but calls and returns. Usage: fib N */
#include "bench.h"

/* noinline keeps the call structure the benchmark is about. */
BENCH_KERNEL static uint32_t fib(uint32_t n) {
    return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

int main(int argc, char **argv) {
    uint32_t n = (uint32_t)bench_arg(argc, argv, 1, 30);
    print_checksum("fib", mix32(CHECKSUM_SEED, fib(n)));
    return 0;
}
