// Process helpers glibc declares only under _GNU_SOURCE, or as variadic functions Swift
// cannot call: posix_spawn's chdir and closefrom file actions, and prctl(PR_SET_PDEATHSIG).
#ifndef RANLAB_PROCESS_SUPPORT_H
#define RANLAB_PROCESS_SUPPORT_H
#include <spawn.h>

int ranlab_spawn_add_chdir(posix_spawn_file_actions_t *actions, const char *path);
int ranlab_spawn_add_closefrom(posix_spawn_file_actions_t *actions, int from);
/// The POSIX_SPAWN_SETSID flag (glibc declares it only under _GNU_SOURCE).
short ranlab_spawn_setsid_flag(void);
/// Asks the kernel to send `signal` to this process when its parent thread exits (Linux); 0 on success.
int ranlab_set_parent_death_signal(int signal);

#endif
