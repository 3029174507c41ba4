/*
 * scene.c — the synthetic camera's picture: a deterministic 48 x 48 grayscale frame that shows a cat, a dog
 * or nothing, against a noisy background with changing light.
 *
 * A cat is a round head with two pointed ears on top; a dog is a round head with two floppy ears hanging
 * at its sides and a muzzle below. Size, position, brightness and noise change from frame to frame, all
 * drawn from a PRNG seeded by (seed, seq), so frame N is the same on every run and every machine.
 */
#include "vision.h"

/* splitmix32-style mixing: a good spread from consecutive seeds, integer-only so it is exact everywhere. */
static uint32_t mix(uint32_t x) {
    x += 0x9e3779b9u;
    x = (x ^ (x >> 16)) * 0x85ebca6bu;
    x = (x ^ (x >> 13)) * 0xc2b2ae35u;
    return x ^ (x >> 16);
}

typedef struct { uint32_t state; } rng;

static uint32_t next(rng *r) { r->state = mix(r->state); return r->state; }
/* uniform integer in [lo, hi] */
static int32_t uniform(rng *r, int32_t lo, int32_t hi) { return lo + (int32_t)(next(r) % (uint32_t)(hi - lo + 1)); }
/* uniform float in [lo, hi) */
static float uniformf(rng *r, float lo, float hi) { return lo + (hi - lo) * (float)(next(r) >> 8) * (1.0f / 16777216.0f); }

static int in_ellipse(float x, float y, float cx, float cy, float rx, float ry) {
    float dx = (x - cx) / rx, dy = (y - cy) / ry;
    return dx * dx + dy * dy <= 1.0f;
}

/* Inside the triangle (ax,ay) (bx,by) (cx,cy): the three edge functions agree in sign. */
static int in_triangle(float x, float y, float ax, float ay, float bx, float by, float cx, float cy) {
    float e0 = (bx - ax) * (y - ay) - (by - ay) * (x - ax);
    float e1 = (cx - bx) * (y - by) - (cy - by) * (x - bx);
    float e2 = (ax - cx) * (y - cy) - (ay - cy) * (x - cx);
    return (e0 >= 0 && e1 >= 0 && e2 >= 0) || (e0 <= 0 && e1 <= 0 && e2 <= 0);
}

typedef struct {
    uint8_t label;
    float cx, cy, r;          /* head centre and radius */
    float tilt;               /* ears lean by up to this many radii */
} animal;

/* 1 inside the animal's body, 2 on a dark feature (eyes, nose), 0 outside. */
static int shade(const animal *a, float x, float y) {
    float cx = a->cx, cy = a->cy, r = a->r;
    int body = in_ellipse(x, y, cx, cy, r, r);
    if (a->label == LABEL_CAT) {
        for (int side = -1; side <= 1; side += 2) {
            float base = cx + side * 0.55f * r;
            body |= in_triangle(x, y, base - 0.32f * r, cy - 0.55f * r, base + 0.32f * r, cy - 0.55f * r,
                                base + side * a->tilt * r, cy - 1.75f * r);
        }
    } else {
        for (int side = -1; side <= 1; side += 2)
            body |= in_ellipse(x, y, cx + side * (1.05f + a->tilt) * r, cy + 0.35f * r, 0.38f * r, 0.85f * r);
        body |= in_ellipse(x, y, cx, cy + 0.85f * r, 0.5f * r, 0.42f * r);
    }
    if (!body) return 0;
    for (int side = -1; side <= 1; side += 2)
        if (in_ellipse(x, y, cx + side * 0.38f * r, cy - 0.15f * r, 0.14f * r, 0.14f * r)) return 2;
    if (a->label == LABEL_DOG && in_ellipse(x, y, cx, cy + 1.0f * r, 0.18f * r, 0.14f * r)) return 2;
    return 1;
}

static uint8_t clamp_u8(int32_t v) { return (uint8_t)(v < 0 ? 0 : v > 255 ? 255 : v); }

void scene_draw(uint32_t seed, uint32_t seq, frame *out) {
    rng r = { mix(seed ^ mix(seq)) };
    out->seq = seq;
    out->width = FRAME_WIDTH;
    out->height = FRAME_HEIGHT;
    out->reserved[0] = out->reserved[1] = out->reserved[2] = 0;

    /* about 45% cats, 40% dogs, 15% empty frames */
    uint32_t pick = next(&r) % 20;
    animal a;
    a.label = pick < 9 ? LABEL_CAT : pick < 17 ? LABEL_DOG : LABEL_NONE;
    a.r = uniformf(&r, 6.0f, 9.5f);
    a.tilt = uniformf(&r, -0.12f, 0.12f);
    /* keep the whole animal in the picture: it reaches 1.75 r up, 1.45 r to the sides, 1.25 r down */
    a.cx = uniformf(&r, 1.6f * a.r + 1, FRAME_WIDTH - 1.6f * a.r - 1);
    a.cy = uniformf(&r, 1.8f * a.r + 1, FRAME_HEIGHT - 1.3f * a.r - 1);
    out->truth = a.label;

    int32_t background = uniform(&r, 20, 80);      /* the light changes */
    int32_t gradient = uniform(&r, -20, 20);       /* and comes from one side */
    int32_t fur = uniform(&r, background + 90, 235);   /* the animal always stands out from the light */
    int32_t noise = uniform(&r, 4, 14);

    for (int y = 0; y < FRAME_HEIGHT; y++) {
        for (int x = 0; x < FRAME_WIDTH; x++) {
            int32_t v = background + gradient * x / FRAME_WIDTH;
            if (a.label != LABEL_NONE) {
                int s = shade(&a, (float)x + 0.5f, (float)y + 0.5f);
                if (s == 1) v = fur;
                else if (s == 2) v = background / 2;
            }
            v += (int32_t)(next(&r) % (uint32_t)(2 * noise + 1)) - noise;
            out->pixels[y * FRAME_WIDTH + x] = clamp_u8(v);
        }
    }
}
