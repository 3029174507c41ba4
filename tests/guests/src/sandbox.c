// Attempts to leave the preopened directory; every one must be refused. The host puts <tmp>/outside/secret.txt next
// to the preopen (<tmp>/sandbox) and three symlinks inside that point out: escape_relative (../outside/secret.txt),
// escape_absolute (the absolute host path of secret.txt) and escape_relative_dir (../outside).
// node:wasi is no sandbox (it follows escape_relative_dir), so this program's expectation is written by hand.
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

static void try_open(const char *path) {
    int fd = open(path, O_RDONLY);
    if (fd >= 0) {
        char buffer[16] = {0};
        read(fd, buffer, sizeof buffer - 1);
        printf("open %-42s opened, read '%s'\n", path, buffer);
        close(fd);
    } else {
        printf("open %-42s refused\n", path);
    }
}

static const char *outcome(int result) { return result == 0 ? "done" : "refused"; }

int main(void) {
    try_open("/sandbox/../outside/secret.txt");
    try_open("/sandbox/./../outside/secret.txt");
    try_open("/sandbox/sub/../../outside/secret.txt");
    try_open("/sandbox/sub/../sub/../../outside/secret.txt");
    try_open("/outside/secret.txt");
    try_open("/etc/passwd");
    try_open("/sandbox/escape_relative");
    try_open("/sandbox/escape_absolute");
    try_open("/sandbox/escape_relative_dir/secret.txt");
    printf("symlink made_by_guest -> ../outside: %s\n", outcome(symlink("../outside", "/sandbox/made_by_guest")));
    try_open("/sandbox/made_by_guest/secret.txt");
    printf("symlink sub/up -> ..: %s\n", outcome(symlink("..", "/sandbox/sub/up")));
    try_open("/sandbox/sub/up/sub/up/../outside/secret.txt");
    struct stat st;
    printf("stat /sandbox/..: %s\n", outcome(stat("/sandbox/..", &st)));
    printf("mkdir /sandbox/../made: %s\n", outcome(mkdir("/sandbox/../made", 0755)));
    int fd = open("/sandbox/inside.txt", O_WRONLY | O_CREAT, 0644);
    write(fd, "inside", 6);
    close(fd);
    try_open("/sandbox/inside.txt");
    printf("rename inside.txt -> ../stolen.txt: %s\n", outcome(rename("/sandbox/inside.txt", "/sandbox/../stolen.txt")));
    printf("link inside.txt -> sub/../../linked.txt: %s\n", outcome(link("/sandbox/inside.txt", "/sandbox/sub/../../linked.txt")));
    printf("unlink ../outside/secret.txt: %s\n", outcome(unlink("/sandbox/../outside/secret.txt")));
    printf("unlink escape_relative (the link itself): %s\n", outcome(unlink("/sandbox/escape_relative")));
    return 0;
}
