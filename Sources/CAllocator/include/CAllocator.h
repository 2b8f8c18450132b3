#ifndef GONGSHI_CALLOCATOR_H
#define GONGSHI_CALLOCATOR_H

/// The allocator serving this process's `malloc`: "jemalloc" when the jemalloc this target
/// links is the one (it must come before the C library in the lookup order), "other"
/// otherwise. gongshi links jemalloc for its many small allocations made on one thread and
/// freed on another, which glibc's allocator served at a sixth of an incremental build's
/// page phase.
const char *gongshi_allocator(void);

/// The version of the linked jemalloc (its `mallctl("version")`), or "" when unavailable.
const char *gongshi_jemalloc_version(void);

#endif
