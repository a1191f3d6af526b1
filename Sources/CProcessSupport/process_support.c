#define _GNU_SOURCE
#include "process_support.h"
#include <errno.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

int ranlab_spawn_add_chdir(posix_spawn_file_actions_t *actions, const char *path) {
    return posix_spawn_file_actions_addchdir_np(actions, path);
}

int ranlab_spawn_add_closefrom(posix_spawn_file_actions_t *actions, int from) {
    return posix_spawn_file_actions_addclosefrom_np(actions, from);
}

short ranlab_spawn_setsid_flag(void) {
    return POSIX_SPAWN_SETSID;
}

int ranlab_set_parent_death_signal(int signal) {
#ifdef __linux__
    return prctl(PR_SET_PDEATHSIG, (unsigned long)signal, 0, 0, 0);
#else
    (void)signal;
    return ENOSYS;
#endif
}
