/*
 * evaluate.c — runs frames of the demo camera's seed through preprocess and the classifier and prints the
 * confusion matrix; exits with 1 when accuracy is below 95%. A wasm32-wasi program, run by ../build.
 */
#include <stdio.h>
#include "../src/vision.h"

#define DEMO_SEED 0xca75u
#define FRAMES 3000

static frame f;
static patch p;
static scores s;

int main(void) {
    int confusion[3][3] = {{0}};
    for (uint32_t seq = 0; seq < FRAMES; seq++) {
        scene_draw(DEMO_SEED, seq, &f);
        preprocess_frame(&f, &p);
        classify_patch(&p, &s);
        int guess = !s.present ? LABEL_NONE : s.score_cat >= s.score_dog ? LABEL_CAT : LABEL_DOG;
        confusion[f.truth][guess]++;
    }
    static const char *names[3] = {"none", "cat", "dog"};
    int right = 0;
    printf("truth \\ guess   none    cat    dog\n");
    for (int t = 0; t < 3; t++) {
        printf("%-13s %6d %6d %6d\n", names[t], confusion[t][0], confusion[t][1], confusion[t][2]);
        right += confusion[t][t];
    }
    double accuracy = (double)right / FRAMES;
    printf("accuracy %.2f%% over %d frames\n", accuracy * 100, FRAMES);
    return accuracy >= 0.95 ? 0 : 1;
}
