// Many allocations of varied sizes, realloc growth, frees in mixed order, a linked list and a hash table.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct Node { struct Node *next; uint32_t value; char payload[]; } Node;

static uint32_t state = 12345;
static uint32_t next_random(void) { state = state * 1103515245u + 12345u; return state >> 8; }

int main(void) {
    enum { SLOTS = 4096 };
    void **slots = calloc(SLOTS, sizeof(void *));
    size_t *sizes = calloc(SLOTS, sizeof(size_t));
    uint64_t checksum = 0;
    for (int round = 0; round < 15000; round++) {
        uint32_t i = next_random() % SLOTS;
        if (slots[i]) {
            unsigned char *p = slots[i];
            for (size_t k = 0; k < sizes[i]; k++) checksum += p[k];
            if (next_random() % 3 == 0) {
                size_t grown = sizes[i] * 2 + 1;
                p = realloc(p, grown);
                memset(p + sizes[i], (int)(i & 0xff), grown - sizes[i]);
                slots[i] = p;
                sizes[i] = grown;
            } else {
                free(p);
                slots[i] = NULL;
            }
        } else {
            size_t size = 1 + next_random() % (next_random() % 16 == 0 ? 16384 : 256);
            unsigned char *p = malloc(size);
            if (!p) { printf("out of memory\n"); return 1; }
            memset(p, (int)(round & 0xff), size);
            slots[i] = p;
            sizes[i] = size;
        }
    }
    size_t live = 0, bytes = 0;
    for (int i = 0; i < SLOTS; i++) if (slots[i]) { live++; bytes += sizes[i]; free(slots[i]); }
    printf("checksum=%llu live=%zu bytes=%zu\n", (unsigned long long)checksum, live, bytes);

    Node *head = NULL;
    for (uint32_t v = 0; v < 20000; v++) {
        Node *n = malloc(sizeof(Node) + 16);
        n->value = v * 2654435761u;
        snprintf(n->payload, 16, "n%u", v);
        n->next = head;
        head = n;
    }
    uint64_t sum = 0;
    size_t count = 0;
    while (head) {
        Node *n = head;
        head = n->next;
        sum += n->value + (uint64_t)strlen(n->payload);
        count++;
        free(n);
    }
    printf("list count=%zu sum=%llu\n", count, (unsigned long long)sum);

    char *text = NULL;
    size_t length = 0;
    for (int i = 0; i < 1000; i++) {
        char piece[32];
        int n = snprintf(piece, sizeof piece, "%d,", i * i);
        text = realloc(text, length + (size_t)n + 1);
        memcpy(text + length, piece, (size_t)n + 1);
        length += (size_t)n;
    }
    printf("text length=%zu tail=%s\n", length, text + length - 20);
    free(text);
    free(slots);
    free(sizes);
    return 0;
}
