#include <usrsctp.h>
#include <sys/eventfd.h>
