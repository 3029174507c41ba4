// Files and directories under the preopened /sandbox: create, write, read, seek, stat, truncate, append, pread/pwrite,
// readdir (enough entries to need several fd_readdir calls), rename, links, unlink, mkdir/rmdir, and the errors of each.
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *name_of(int e) {
    switch (e) {
        case 0: return "OK";
        case ENOENT: return "ENOENT";
        case EEXIST: return "EEXIST";
        case ENOTDIR: return "ENOTDIR";
        case EISDIR: return "EISDIR";
        case ENOTEMPTY: return "ENOTEMPTY";
        case EINVAL: return "EINVAL";
        case EBADF: return "EBADF";
        case EACCES: return "EACCES";
        case EPERM: return "EPERM";
        case ENOTCAPABLE: return "ENOTCAPABLE";
        case ELOOP: return "ELOOP";
        default: return "other";
    }
}

#define CHECK(label, expr) do { errno = 0; int r_ = (expr); printf("%-34s -> %d %s\n", label, r_ < 0 ? -1 : r_, name_of(r_ < 0 ? errno : 0)); } while (0)

static int compare(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static void list(const char *path) {
    DIR *dir = opendir(path);
    if (!dir) { printf("opendir %s failed: %s\n", path, name_of(errno)); return; }
    char *names[512];
    int count = 0;
    struct dirent *entry;
    while ((entry = readdir(dir)) != NULL && count < 512) {
        // Runtimes differ on whether "." and ".." are listed (POSIX lists them, node:wasi does not).
        if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0) continue;
        char buffer[300];
        const char *type = entry->d_type == DT_DIR ? "dir" : entry->d_type == DT_REG ? "file" : entry->d_type == DT_LNK ? "link" : "?";
        snprintf(buffer, sizeof buffer, "%s(%s)", entry->d_name, type);
        names[count++] = strdup(buffer);
    }
    closedir(dir);
    qsort(names, (size_t)count, sizeof(char *), compare);
    printf("%s: %d entries:", path, count);
    for (int i = 0; i < count; i++) { printf(" %s", names[i]); free(names[i]); }
    printf("\n");
}

int main(void) {
    CHECK("mkdir work", mkdir("/sandbox/work", 0755));
    CHECK("mkdir work again", mkdir("/sandbox/work", 0755));

    FILE *f = fopen("/sandbox/work/hello.txt", "w");
    fprintf(f, "Hello, file!\nSecond line %d\n", 42);
    fclose(f);
    struct stat st;
    CHECK("stat hello", stat("/sandbox/work/hello.txt", &st));
    printf("size=%lld regular=%d\n", (long long)st.st_size, S_ISREG(st.st_mode));
    f = fopen("/sandbox/work/hello.txt", "r");
    char line[100];
    while (fgets(line, sizeof line, f)) printf("read: %s", line);
    fclose(f);

    int fd = open("/sandbox/work/data.bin", O_RDWR | O_CREAT | O_TRUNC, 0644);
    printf("open data.bin ok=%d\n", fd >= 0);
    CHECK("write 10", (int)write(fd, "0123456789", 10));
    CHECK("lseek SET 3", (int)lseek(fd, 3, SEEK_SET));
    char buf[32] = {0};
    CHECK("read 4", (int)read(fd, buf, 4));
    printf("got '%s'\n", buf);
    CHECK("lseek CUR 0 (tell)", (int)lseek(fd, 0, SEEK_CUR));
    CHECK("lseek END -2", (int)lseek(fd, -2, SEEK_END));
    CHECK("write XY", (int)write(fd, "XY", 2));
    CHECK("lseek before start", (int)lseek(fd, -100, SEEK_SET));
    CHECK("pwrite at 20 (hole)", (int)pwrite(fd, "tail", 4, 20));
    memset(buf, 0, sizeof buf);
    CHECK("pread 24 at 0", (int)pread(fd, buf, 30, 0));
    for (int i = 0; i < 24; i++) putchar(buf[i] ? buf[i] : '.');
    putchar('\n');
    CHECK("fstat", fstat(fd, &st));
    printf("size=%lld\n", (long long)st.st_size);
    CHECK("ftruncate 5", ftruncate(fd, 5));
    CHECK("fstat", fstat(fd, &st));
    printf("size=%lld\n", (long long)st.st_size);
    CHECK("fsync", fsync(fd));
    CHECK("close", close(fd));
    CHECK("close again", close(fd));

    fd = open("/sandbox/work/data.bin", O_WRONLY | O_APPEND);
    CHECK("append abc", (int)write(fd, "abc", 3));
    CHECK("lseek SET 0", (int)lseek(fd, 0, SEEK_SET));
    CHECK("append def", (int)write(fd, "def", 3));
    close(fd);
    fd = open("/sandbox/work/data.bin", O_RDONLY);
    memset(buf, 0, sizeof buf);
    CHECK("read all", (int)read(fd, buf, sizeof buf - 1));
    printf("content '%s'\n", buf);
    CHECK("write to read-only fd", (int)write(fd, "x", 1));
    close(fd);

    CHECK("open missing", open("/sandbox/work/missing.txt", O_RDONLY));
    CHECK("open O_EXCL existing", open("/sandbox/work/data.bin", O_WRONLY | O_CREAT | O_EXCL, 0644));
    CHECK("open dir for writing", open("/sandbox/work", O_WRONLY));
    CHECK("open file/child", open("/sandbox/work/data.bin/child", O_RDONLY));
    CHECK("open O_DIRECTORY on file", open("/sandbox/work/data.bin", O_RDONLY | O_DIRECTORY));

    CHECK("mkdir sub", mkdir("/sandbox/work/sub", 0755));
    CHECK("mkdir sub/deeper", mkdir("/sandbox/work/sub/deeper", 0755));
    CHECK("rmdir non-empty sub", rmdir("/sandbox/work/sub"));
    CHECK("rmdir file", rmdir("/sandbox/work/data.bin"));
    CHECK("unlink directory", unlink("/sandbox/work/sub"));
    CHECK("rename data.bin -> sub/moved.bin", rename("/sandbox/work/data.bin", "/sandbox/work/sub/moved.bin"));
    CHECK("stat old name", stat("/sandbox/work/data.bin", &st));
    CHECK("stat new name", stat("/sandbox/work/sub/moved.bin", &st));
    printf("moved size=%lld\n", (long long)st.st_size);
    CHECK("rename over existing file", rename("/sandbox/work/hello.txt", "/sandbox/work/sub/moved.bin"));
    CHECK("rename dir onto non-empty dir", rename("/sandbox/work/sub/deeper", "/sandbox/work/sub"));

    CHECK("symlink", symlink("sub/moved.bin", "/sandbox/work/link"));
    char target[64] = {0};
    CHECK("readlink", (int)readlink("/sandbox/work/link", target, sizeof target - 1));
    printf("link -> %s\n", target);
    CHECK("lstat link", lstat("/sandbox/work/link", &st));
    printf("is link=%d\n", S_ISLNK(st.st_mode));
    CHECK("stat through link", stat("/sandbox/work/link", &st));
    printf("target size=%lld\n", (long long)st.st_size);
    CHECK("readlink on a file", (int)readlink("/sandbox/work/sub/moved.bin", target, sizeof target));
    CHECK("hard link", link("/sandbox/work/sub/moved.bin", "/sandbox/work/hard"));
    CHECK("stat hard", stat("/sandbox/work/hard", &st));
    printf("nlink=%d\n", (int)st.st_nlink);

    for (int i = 0; i < 300; i++) {
        char path[64];
        snprintf(path, sizeof path, "/sandbox/work/many/file-%03d.txt", i);
        if (i == 0) mkdir("/sandbox/work/many", 0755);
        int m = open(path, O_WRONLY | O_CREAT, 0644);
        if (m < 0) { printf("create %s failed\n", path); return 1; }
        close(m);
    }
    DIR *dir = opendir("/sandbox/work/many");
    int entries = 0, again = 0;
    struct dirent *entry;
    while ((entry = readdir(dir)) != NULL) entries += entry->d_name[0] != '.';
    rewinddir(dir);
    while ((entry = readdir(dir)) != NULL) again += entry->d_name[0] != '.';
    closedir(dir);
    printf("many: %d entries, %d after rewind\n", entries, again);
    list("/sandbox/work");
    list("/sandbox/work/sub");

    CHECK("unlink link", unlink("/sandbox/work/link"));
    CHECK("unlink hard", unlink("/sandbox/work/hard"));
    CHECK("unlink missing", unlink("/sandbox/work/hard"));
    CHECK("rmdir deeper", rmdir("/sandbox/work/sub/deeper"));
    CHECK("unlink moved", unlink("/sandbox/work/sub/moved.bin"));
    CHECK("rmdir sub", rmdir("/sandbox/work/sub"));
    list("/sandbox/work");
    return 0;
}
