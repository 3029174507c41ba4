// qsort on several element types, memcpy/memmove (overlapping both ways), memset, memcmp, string functions.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct { int key; char name[12]; double weight; } Record;

static uint32_t state = 2024;
static uint32_t next_random(void) { state ^= state << 13; state ^= state >> 17; state ^= state << 5; return state; }

static int by_int(const void *a, const void *b) { int x = *(const int *)a, y = *(const int *)b; return (x > y) - (x < y); }
static int by_string(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }
static int by_record(const void *a, const void *b) {
    const Record *x = a, *y = b;
    if (x->key != y->key) return (x->key > y->key) - (x->key < y->key);
    return strcmp(x->name, y->name);
}
static int by_double_desc(const void *a, const void *b) { double x = *(const double *)a, y = *(const double *)b; return (x < y) - (x > y); }

int main(void) {
    enum { N = 5000 };
    int *numbers = malloc(N * sizeof(int));
    for (int i = 0; i < N; i++) numbers[i] = (int)(next_random() % 100000) - 50000;
    qsort(numbers, N, sizeof(int), by_int);
    int sorted = 1;
    for (int i = 1; i < N; i++) if (numbers[i - 1] > numbers[i]) sorted = 0;
    printf("ints sorted=%d min=%d median=%d max=%d\n", sorted, numbers[0], numbers[N / 2], numbers[N - 1]);

    const char *words[] = {"pear", "apple", "fig", "banana", "cherry", "date", "elderberry", "grape", "kiwi", "lemon"};
    const char *copy[10];
    memcpy(copy, words, sizeof words);
    qsort(copy, 10, sizeof(char *), by_string);
    for (int i = 0; i < 10; i++) printf("%s%s", copy[i], i < 9 ? " " : "\n");

    Record records[200];
    for (int i = 0; i < 200; i++) {
        records[i].key = (int)(next_random() % 20);
        snprintf(records[i].name, sizeof records[i].name, "r%03d", (int)(next_random() % 1000));
        records[i].weight = (double)(next_random() % 1000) / 8.0;
    }
    qsort(records, 200, sizeof(Record), by_record);
    printf("records first=%d:%s last=%d:%s\n", records[0].key, records[0].name, records[199].key, records[199].name);
    double weights[200];
    for (int i = 0; i < 200; i++) weights[i] = records[i].weight;
    qsort(weights, 200, sizeof(double), by_double_desc);
    printf("weights top=%.3f bottom=%.3f\n", weights[0], weights[199]);

    char buffer[64];
    strcpy(buffer, "0123456789abcdefghijklmnopqrstuvwxyz");
    memmove(buffer + 5, buffer, 20);
    printf("memmove forward: %s\n", buffer);
    strcpy(buffer, "0123456789abcdefghijklmnopqrstuvwxyz");
    memmove(buffer, buffer + 7, 20);
    printf("memmove backward: %s\n", buffer);
    unsigned char big[4096], other[4096];
    for (int i = 0; i < 4096; i++) big[i] = (unsigned char)(i * 7);
    memcpy(other, big, sizeof big);
    printf("memcmp equal=%d\n", memcmp(big, other, sizeof big) == 0);
    other[4000] ^= 1;
    printf("memcmp sign=%d\n", memcmp(big, other, sizeof big) < 0 ? -1 : 1);
    memset(other + 100, 0xAB, 1000);
    unsigned sum = 0;
    for (int i = 0; i < 4096; i++) sum += other[i];
    printf("memset sum=%u\n", sum);
    printf("strlen=%zu strchr=%s strrchr=%s strstr=%s\n", strlen(words[6]), strchr("hello world", 'o'), strrchr("hello world", 'o'), strstr("haystack needle hay", "needle"));
    char joined[128] = "";
    for (int i = 0; i < 4; i++) { strcat(joined, words[i]); strcat(joined, "+"); }
    printf("strcat=%s strncmp=%d\n", joined, strncmp("abcdef", "abcxyz", 3));
    char *dup = strdup("duplicated");
    char *token, *rest = dup;
    while ((token = strsep(&rest, "i")) != NULL) printf("[%s]", token);
    printf("\n");
    free(dup);
    free(numbers);
    return 0;
}
