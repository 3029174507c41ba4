// exit() runs atexit handlers and flushes stdio, then proc_exit carries the status.
#include <stdio.h>
#include <stdlib.h>

static void goodbye(void) { printf("atexit handler ran\n"); }

int main(int argc, char **argv) {
    atexit(goodbye);
    printf("exiting with %d\n", argc > 1 ? atoi(argv[1]) : 42);
    exit(argc > 1 ? atoi(argv[1]) : 42);
}
