// Arguments and environment as the host gave them.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern char **environ;

static int compare(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

int main(int argc, char **argv) {
    printf("argc=%d\n", argc);
    for (int i = 0; i < argc; i++) printf("argv[%d]=\"%s\" (%zu bytes)\n", i, argv[i], strlen(argv[i]));
    int count = 0;
    while (environ[count]) count++;
    char **sorted = malloc(sizeof(char *) * (size_t)(count ? count : 1));
    memcpy(sorted, environ, sizeof(char *) * (size_t)count);
    qsort(sorted, (size_t)count, sizeof(char *), compare);
    printf("environ count=%d\n", count);
    for (int i = 0; i < count; i++) printf("env: %s\n", sorted[i]);
    const char *greeting = getenv("GREETING");
    printf("getenv(GREETING)=%s\n", greeting ? greeting : "(null)");
    printf("getenv(MISSING)=%s\n", getenv("MISSING") ? "set" : "(null)");
    free(sorted);
    return 0;
}
