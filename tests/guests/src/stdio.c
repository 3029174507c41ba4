// Standard streams: line-oriented stdin, formatted stdout, stderr, fputc/puts/fwrite.
#include <ctype.h>
#include <stdio.h>
#include <string.h>

int main(void) {
    char line[256];
    int lines = 0;
    size_t bytes = 0;
    while (fgets(line, sizeof line, stdin) != NULL) {
        lines++;
        bytes += strlen(line);
        for (char *p = line; *p; p++) *p = (char)toupper((unsigned char)*p);
        fputs(line, stdout);
    }
    printf("lines=%d bytes=%zu\n", lines, bytes);
    puts("puts adds a newline");
    fputc('x', stdout);
    fputc('\n', stdout);
    fwrite("fwrite\n", 1, 7, stdout);
    fprintf(stderr, "this goes to stderr\n");
    fflush(stdout);
    printf("unicode: \xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\n");
    return 0;
}
