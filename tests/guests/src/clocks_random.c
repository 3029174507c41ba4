// Clocks (realtime, monotonic, CPU time), sleeping through poll_oneoff, random bytes.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static int64_t ns(struct timespec t) { return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec; }

int main(void) {
    struct timespec real, mono1, mono2, res, cpu;
    printf("realtime ok=%d\n", clock_gettime(CLOCK_REALTIME, &real) == 0);
    printf("realtime after 2020=%d\n", real.tv_sec > 1577836800);
    printf("time() agrees=%d\n", llabs((long long)time(NULL) - (long long)real.tv_sec) <= 2);
    clock_gettime(CLOCK_MONOTONIC, &mono1);
    struct timespec nap = {0, 20 * 1000 * 1000};
    printf("nanosleep=%d\n", nanosleep(&nap, NULL));
    clock_gettime(CLOCK_MONOTONIC, &mono2);
    int64_t slept = ns(mono2) - ns(mono1);
    printf("slept at least 20ms=%d and less than 5s=%d\n", slept >= 20000000, slept < 5000000000LL);
    printf("usleep=%d\n", usleep(1000));
    printf("monotonic res ok=%d\n", clock_getres(CLOCK_MONOTONIC, &res) == 0 && ns(res) > 0 && ns(res) <= 1000000);
    printf("realtime res ok=%d\n", clock_getres(CLOCK_REALTIME, &res) == 0 && ns(res) > 0);
    volatile double spin = 0;
    for (int i = 0; i < 1000000; i++) spin += i * 0.5;
    printf("process cputime ok=%d\n", clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu) == 0 && ns(cpu) > 0);
    unsigned char a[64], b[64], zero[64] = {0};
    printf("getentropy=%d,%d\n", getentropy(a, sizeof a), getentropy(b, sizeof b));
    printf("random nonzero=%d differs=%d\n", memcmp(a, zero, 64) != 0, memcmp(a, b, 64) != 0);
    uint32_t r1 = arc4random(), r2 = arc4random();
    printf("arc4random differs=%d uniform<10=%d\n", r1 != r2 || arc4random() != r1, arc4random_uniform(10) < 10);
    struct tm *utc = gmtime(&(time_t){86400 * 365});
    char text[64];
    strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S", utc);
    printf("gmtime=%s\n", text);
    return 0;
}
