#include "CMemoryTuning.h"

// A C library header first: it is what defines __GLIBC__ (through <features.h>).
#include <stdlib.h>

#if defined(__GLIBC__)
#include <malloc.h>

int gongshi_map_large_allocations(int bytes) {
    return mallopt(M_MMAP_THRESHOLD, bytes);
}
#else
int gongshi_map_large_allocations(int bytes) {
    (void)bytes;
    return 0;
}
#endif
