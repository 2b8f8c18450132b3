#include "CMemoryTuning.h"

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
