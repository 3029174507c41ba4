// printf/strtod of floats, 64-bit integers, libm.
#include <float.h>
#include <inttypes.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    double values[] = {0.0, -0.0, 1.0, 0.1, 1.0 / 3.0, 123456789.125, 1e-300, 6.02214076e23, DBL_MAX, DBL_MIN, 5e-324};
    for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
        double v = values[i];
        printf("%%f=%f %%e=%e %%g=%g %%.17g=%.17g %%a=%a\n", v, v, v, v, v);
    }
    printf("inf=%f -inf=%f nan=%f\n", INFINITY, -INFINITY, NAN);
    float f = 3.14159265f;
    printf("float %.9g %.3f\n", (double)f, (double)f);
    int64_t big[] = {0, 1, -1, INT64_MAX, INT64_MIN, 1234567890123456789LL};
    for (size_t i = 0; i < sizeof big / sizeof big[0]; i++)
        printf("%" PRId64 " %" PRIu64 " 0x%" PRIx64 " %" PRIo64 "\n", big[i], (uint64_t)big[i], (uint64_t)big[i], (uint64_t)big[i]);
    uint64_t product = 0x123456789abcdefULL * 0xfedcba987ULL;
    printf("product=%" PRIu64 " div=%" PRId64 " mod=%" PRId64 "\n", product, INT64_MIN / 7, INT64_MIN % 7);
    printf("%d %u %x %5d|%-5d|%05d %+d\n", -42, 42u, 0xbeefu, 7, 7, 7, 7);
    const char *texts[] = {"3.14159", "1e10", "-2.5e-3", "0x1p-2", "inf", "12345678901234567890"};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) printf("strtod(%s)=%.17g\n", texts[i], strtod(texts[i], NULL));
    printf("strtoll=%lld strtoull=%llu\n", strtoll("-9223372036854775808", NULL, 10), strtoull("18446744073709551615", NULL, 10));
    printf("sqrt2=%.17g exp1=%.17g log10=%.17g pow=%.17g\n", sqrt(2.0), exp(1.0), log(10.0), pow(2.0, 0.5));
    printf("sin=%.17g cos=%.17g atan2=%.17g fmod=%.17g\n", sin(1.0), cos(1.0), atan2(1.0, -1.0), fmod(10.5, 3.0));
    printf("floor=%g ceil=%g round=%g trunc=%g rint=%g\n", floor(-2.5), ceil(-2.5), round(-2.5), trunc(-2.5), rint(2.5));
    printf("fmaf=%.9g cbrt=%.17g hypot=%.17g\n", (double)fmaf(1.5f, 2.0f, 0.25f), cbrt(27.0), hypot(3.0, 4.0));
    return 0;
}
