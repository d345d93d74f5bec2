/*
 * Pod sandbox process of the pause image (PAUSE_IMAGE in images.env), written for kindj.
 * It only has to exist: the pod's namespaces live as long as it does. When the pod shares
 * its PID namespace this is PID 1 there, so it also reaps orphaned zombies. SIGTERM and
 * SIGINT end it (that is how the runtime stops a sandbox).
 * Built with gcc -static so the image needs nothing but this file; build.sh passes the image's
 * tag as PAUSE_VERSION.
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef PAUSE_VERSION
#error "compile with -DPAUSE_VERSION='\"<tag of PAUSE_IMAGE>\"'"
#endif

static void on_stop(int sig) {
    (void)sig;
    _exit(0);
}

static void on_child(int sig) {
    (void)sig;
    while (waitpid(-1, NULL, WNOHANG) > 0) {
    }
}

static void handle(int sig, void (*fn)(int)) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = fn;
    sa.sa_flags = SA_RESTART | (sig == SIGCHLD ? SA_NOCLDSTOP : 0);
    sigemptyset(&sa.sa_mask);
    if (sigaction(sig, &sa, NULL) != 0) {
        perror("sigaction");
        _exit(2);
    }
}

int main(int argc, char **argv) {
    if (argc > 1 && strcmp(argv[1], "-v") == 0) {
        puts("kindj pause " PAUSE_VERSION);
        return 0;
    }
    if (getpid() != 1)
        fputs("pause: not PID 1, zombies of this PID namespace are reaped elsewhere\n", stderr);
    handle(SIGINT, on_stop);
    handle(SIGTERM, on_stop);
    handle(SIGCHLD, on_child);
    for (;;)
        pause();
}
