/* A CoreMark-style mixed workload, written for Wasmbed: each iteration runs a linked-list pass,
 * a small integer matrix pass and a text-scanning state machine, and folds every result into a
 * CRC-16. Pointer chasing, short loops, unpredictable branches and byte loads: the shape of
 * typical embedded code rather than one hot kernel. Usage: mixed ITERATIONS */
#include <string.h>
#include "bench.h"

/* ---- CRC-16 (same polynomial as CoreMark's crcu16: reflected 0xA001) ---- */
static uint16_t crc_byte(uint8_t data, uint16_t crc) {
    for (int i = 0; i < 8; i++) {
        int carry = (data ^ crc) & 1;
        data >>= 1;
        crc = carry ? (uint16_t)((crc >> 1) ^ 0xa001u) : (uint16_t)(crc >> 1);
    }
    return crc;
}
static uint16_t crc_u16(uint16_t value, uint16_t crc) {
    return crc_byte((uint8_t)(value >> 8), crc_byte((uint8_t)value, crc));
}
static uint16_t crc_u32(uint32_t value, uint16_t crc) {
    return crc_u16((uint16_t)(value >> 16), crc_u16((uint16_t)value, crc));
}

/* ---- Linked list: find, reverse, merge sort ---- */
typedef struct node {
    struct node *next;
    int16_t value;
    int16_t index;
} node;

#define LIST_SIZE 64
static node list_pool[LIST_SIZE];

static node *list_build(uint32_t seed) {
    for (int i = 0; i < LIST_SIZE; i++) {
        list_pool[i].value = (int16_t)((seed * (uint32_t)(i + 7) >> 5) & 0x7fff);
        list_pool[i].index = (int16_t)i;
        list_pool[i].next = i + 1 < LIST_SIZE ? &list_pool[i + 1] : NULL;
    }
    return &list_pool[0];
}

static node *list_find(node *head, int16_t value) {
    while (head && head->value != value) head = head->next;
    return head;
}

static node *list_reverse(node *head) {
    node *reversed = NULL;
    while (head) {
        node *next = head->next;
        head->next = reversed;
        reversed = head;
        head = next;
    }
    return reversed;
}

static int compare_value(const node *a, const node *b) { return a->value - b->value; }
static int compare_index(const node *a, const node *b) { return a->index - b->index; }

/* Bottom-up merge sort of a singly linked list, through a comparison function pointer (an
 * indirect call, as in CoreMark). */
static node *list_sort(node *head, int (*compare)(const node *, const node *)) {
    for (int width = 1;; width *= 2) {
        node *remaining = head, *tail = NULL;
        int merges = 0;
        head = NULL;
        while (remaining) {
            merges++;
            node *left = remaining, *right = remaining;
            int left_size = 0, right_size = width;
            while (left_size < width && right) { left_size++; right = right->next; }
            while (left_size > 0 || (right_size > 0 && right)) {
                node *take;
                if (left_size == 0) { take = right; right = right->next; right_size--; }
                else if (right_size == 0 || !right || compare(left, right) <= 0) {
                    take = left; left = left->next; left_size--;
                } else { take = right; right = right->next; right_size--; }
                if (tail) tail->next = take; else head = take;
                tail = take;
            }
            remaining = right;
        }
        tail->next = NULL;
        if (merges <= 1) return head;
    }
}

BENCH_KERNEL static uint16_t list_pass(uint32_t seed, uint16_t crc) {
    node *head = list_build(seed);
    for (int i = 0; i < 8; i++) {
        node *found = list_find(head, list_pool[(seed + (uint32_t)i * 13) % LIST_SIZE].value);
        crc = crc_u16(found ? (uint16_t)found->index : 0xffffu, crc);
    }
    head = list_reverse(head);
    head = list_sort(head, compare_value);
    for (node *n = head; n; n = n->next) crc = crc_u16((uint16_t)n->value, crc);
    head = list_sort(head, compare_index);
    crc = crc_u16((uint16_t)head->value, crc);
    return crc;
}

/* ---- Integer matrix ---- */
#define MATRIX_SIZE 16
static int16_t matrix_a[MATRIX_SIZE][MATRIX_SIZE], matrix_b[MATRIX_SIZE][MATRIX_SIZE];
static int32_t matrix_c[MATRIX_SIZE][MATRIX_SIZE];

BENCH_KERNEL static uint16_t matrix_pass(uint32_t seed, uint16_t crc) {
    for (int i = 0; i < MATRIX_SIZE; i++)
        for (int j = 0; j < MATRIX_SIZE; j++) {
            matrix_a[i][j] = (int16_t)((seed + (uint32_t)(i * 31 + j)) & 0x3ff);
            matrix_b[i][j] = (int16_t)(((seed >> 3) ^ (uint32_t)(j * 17 + i)) & 0x3ff);
        }
    int16_t constant = (int16_t)(seed & 0xff);
    for (int i = 0; i < MATRIX_SIZE; i++)
        for (int j = 0; j < MATRIX_SIZE; j++) matrix_a[i][j] = (int16_t)(matrix_a[i][j] + constant);
    for (int i = 0; i < MATRIX_SIZE; i++)
        for (int j = 0; j < MATRIX_SIZE; j++) {
            int32_t sum = 0;
            for (int k = 0; k < MATRIX_SIZE; k++) sum += matrix_a[i][k] * matrix_b[k][j];
            matrix_c[i][j] = sum;
        }
    /* Sum selected bit fields of the product: shifts, masks and a data-dependent branch. */
    int32_t accumulated = 0;
    for (int i = 0; i < MATRIX_SIZE; i++)
        for (int j = 0; j < MATRIX_SIZE; j++) {
            int32_t field = (matrix_c[i][j] >> 2) & 0x0f;
            accumulated += field > 7 ? field * 3 : field;
        }
    return crc_u32((uint32_t)accumulated, crc_u32((uint32_t)matrix_c[MATRIX_SIZE - 1][3], crc));
}

/* ---- State machine: classifies comma-separated tokens as integer, decimal, exponent or bad ---- */
enum state { START, INTEGER, SIGN, DECIMAL, EXPONENT, EXPONENT_SIGN, SCIENTIFIC, INVALID, STATES };

static enum state next_state(enum state state, char c) {
    int digit = c >= '0' && c <= '9';
    switch (state) {
    case START: return digit ? INTEGER : (c == '+' || c == '-') ? SIGN : c == '.' ? DECIMAL : INVALID;
    case SIGN: return digit ? INTEGER : c == '.' ? DECIMAL : INVALID;
    case INTEGER: return digit ? INTEGER : c == '.' ? DECIMAL : (c == 'e' || c == 'E') ? EXPONENT : INVALID;
    case DECIMAL: return digit ? DECIMAL : (c == 'e' || c == 'E') ? EXPONENT : INVALID;
    case EXPONENT: return digit ? SCIENTIFIC : (c == '+' || c == '-') ? EXPONENT_SIGN : INVALID;
    case EXPONENT_SIGN: return digit ? SCIENTIFIC : INVALID;
    case SCIENTIFIC: return digit ? SCIENTIFIC : INVALID;
    default: return INVALID;
    }
}

#define TEXT_SIZE 512
static char text[TEXT_SIZE];

static void text_build(uint32_t seed) {
    static const char *const tokens[] = {"5012", "1234", "-874", "+122", "35.54", "-.1", "1.e-5",
                                         "6.2e+8", "T0.3e-1F", "-T.T++Tq", "1T3.4e4z", "34.0e-T^"};
    size_t at = 0;
    while (at + 12 < TEXT_SIZE) {
        seed = seed * 1664525u + 1013904223u;
        const char *token = tokens[(seed >> 16) % 12];
        size_t length = strlen(token);
        memcpy(text + at, token, length);
        at += length;
        text[at++] = ',';
    }
    text[at] = '\0';
}

BENCH_KERNEL static uint16_t state_pass(uint32_t seed, uint16_t crc) {
    text_build(seed);
    uint32_t final_counts[STATES] = {0}, transitions = 0;
    enum state state = START;
    for (const char *p = text; *p; p++) {
        if (*p == ',') { final_counts[state]++; state = START; continue; }
        enum state next = next_state(state, *p);
        transitions += next != state;
        state = next;
    }
    for (int i = 0; i < STATES; i++) crc = crc_u32(final_counts[i], crc);
    return crc_u32(transitions, crc);
}

int main(int argc, char **argv) {
    long iterations = bench_arg(argc, argv, 1, 100);
    uint16_t crc = 0;
    for (long i = 0; i < iterations; i++) {
        uint32_t seed = lcg_next();
        crc = list_pass(seed, crc);
        crc = matrix_pass(seed, crc);
        crc = state_pass(seed, crc);
    }
    print_checksum("mixed", mix32(CHECKSUM_SEED, crc));
    return 0;
}
