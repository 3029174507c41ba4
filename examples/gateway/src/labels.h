/* labels.h — the text of each enum label in metadata ("none", "cat", "dog"). */
#ifndef WASMBED_DEMO_LABELS_H
#define WASMBED_DEMO_LABELS_H
#include "vision.h"
static inline const char *label_name(uint32_t label) {
    return label == LABEL_CAT ? "cat" : label == LABEL_DOG ? "dog" : "none";
}
#endif
