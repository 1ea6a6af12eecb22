/*
 * rehearse-peak PROGRAM ARGS...: runs PROGRAM with its output discarded and prints
 * "PEAK_KIB STATUS SELF_KIB": its max RSS from wait4, its wait status, and this process's own
 * high-water mark (VmHWM).
 *
 * The benchmark cannot measure this itself: posix_spawn starts a child on the parent's memory
 * (vfork), and Linux counts that memory's high-water mark in the child's max RSS at exec. This
 * process is small, so what it starts is measured on a clean slate; a peak at or below SELF_KIB
 * only says "no more than that".
 */
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>

extern char **environ;

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: rehearse-peak PROGRAM ARGS...\n");
        return 64;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    pid_t pid;
    if (posix_spawn(&pid, argv[1], &actions, NULL, argv + 1, environ) != 0) {
        perror("rehearse-peak: cannot start the program");
        return 69;
    }
    int status = 0;
    struct rusage usage;
    if (wait4(pid, &status, 0, &usage) != pid) {
        perror("rehearse-peak: wait4");
        return 71;
    }
    /* VmHWM, not getrusage: our own max RSS carries our parent's, for the reason above. */
    long self = 0;
    char line[256];
    FILE *file = fopen("/proc/self/status", "r");
    while (file && fgets(line, sizeof line, file)) {
        if (strncmp(line, "VmHWM:", 6) == 0) sscanf(line + 6, "%ld", &self);
    }
    if (file) fclose(file);
    printf("%ld %d %ld\n", usage.ru_maxrss, status, self);
    return 0;
}
