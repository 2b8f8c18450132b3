#ifndef GONGSHI_CMEMORYTUNING_H
#define GONGSHI_CMEMORYTUNING_H

/// Serves allocations of `bytes` or more with their own mappings, returned to the system as
/// soon as they are freed (glibc `mallopt(M_MMAP_THRESHOLD, bytes)`; this also stops glibc
/// from raising the threshold as large blocks are freed). Returns 1 on success, 0 otherwise
/// (and on C libraries without `mallopt`).
int gongshi_map_large_allocations(int bytes);

#endif
