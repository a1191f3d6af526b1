#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/sctp.h>
#include <sys/eventfd.h>
