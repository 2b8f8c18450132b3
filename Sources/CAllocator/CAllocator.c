#define _GNU_SOURCE
#include "CAllocator.h"

#include <dlfcn.h>
#include <stddef.h>
#include <jemalloc/jemalloc.h>

const char *gongshi_jemalloc_version(void) {
    const char *version = "";
    size_t length = sizeof(version);
    if (mallctl("version", &version, &length, NULL, 0) != 0) return "";
    return version;
}

const char *gongshi_allocator(void) {
    // The `malloc` every library of the process calls is the first one in the lookup order;
    // it is jemalloc's when it is the same function as the one in jemalloc's own library.
    void *library = dlopen("libjemalloc.so.2", RTLD_NOW | RTLD_NOLOAD);
    if (library == NULL) return "other";
    void *jemallocs = dlsym(library, "malloc");
    void *processes = dlsym(RTLD_DEFAULT, "malloc");
    dlclose(library);
    return jemallocs != NULL && jemallocs == processes ? "jemalloc" : "other";
}
