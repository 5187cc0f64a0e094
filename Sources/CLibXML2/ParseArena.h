#ifndef MAQAL_PARSE_ARENA_H
#define MAQAL_PARSE_ARENA_H

// A per-thread bump arena for libxml2's own allocations while one page is parsed.
//
// libxml2 makes about 4,000 small allocations a corpus page (a copy of the current element's
// name after every element, a buffer and a regrowth per attribute value, parser stacks), all
// freed with the parser context. Between maqal_parse_arena_begin and maqal_parse_arena_end on a
// thread, libxml2's xmlMalloc/xmlRealloc/xmlMemStrdup on that thread take memory from the
// thread's arena, and frees of it cost nothing; other threads, and this one outside the window,
// go to the allocator that was installed before (glibc's, normally).
//
// The hooks are libxml2's process-wide ones (xmlMemSetup), installed once at the first begin:
// a pointer is the arena's only when it lies in one of the calling thread's arena chunks, so
// memory libxml2 allocated before the hooks, or on another thread, is freed where it came from.
//
// Layout: a thread's arena is a list of chunks, newest first; blocks are bumped off the newest.
// Each block has a 16-byte header: its capacity and the distance back to the previous block's
// header (0 for a chunk's first block), whose low bit marks the block freed. Freeing the top
// block pops it and every freed block under it, so libxml2's stack-like use (copy a name, read
// an attribute into a buffer, grow it, free it, free the name) keeps the arena as small as
// what is live; a block freed out of order waits until the blocks above it go.
//
// Kept in this header (static inline, compiled into the one Swift module that calls it) rather than in
// a C target of its own: clang writes DWARF 5 for C targets, which valgrind 3.19 cannot read, and
// callgrind is how this project measures speed.

#include <libxml/xmlmemory.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include "LibXML2.h"
#include <pthread.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct MaqalArenaChunk {
    struct MaqalArenaChunk *older;
    size_t capacity;  // bytes of blocks after this header
    size_t live;      // blocks allocated and not yet freed
    size_t padding;   // keeps the blocks 16-byte aligned
} MaqalArenaChunk;

typedef struct MaqalArenaHeader {
    size_t capacity;  // payload bytes, a multiple of 16
    size_t back;      // bytes back to the previous header in the chunk, 0 if first; bit 0: freed
} MaqalArenaHeader;

typedef struct MaqalArena {
    MaqalArenaChunk *chunks;    // newest first; blocks are bumped off the newest
    MaqalArenaChunk *retired;   // chunks that still held live blocks at a window's end: never reused
    unsigned char *next;
    unsigned char *end;
    MaqalArenaHeader *top;      // the newest block in the newest chunk, or NULL when it is empty
    int depth;
    int registered;
    unsigned long retiredCount;
    unsigned long long blocks;
} MaqalArena;

// State lives in function-local statics: Swift's importer emits a header's static inline functions
// (and their local statics) into the module that calls them, but not the header's file-level statics.
typedef struct MaqalArenaHooks {
    xmlFreeFunc free;
    xmlMallocFunc malloc;
    xmlReallocFunc realloc;
    xmlStrdupFunc strdup;
    pthread_once_t installed;
    pthread_key_t threadExit;
} MaqalArenaHooks;

static inline MaqalArena *maqal_arena_current(void) {
    static __thread MaqalArena arena;
    return &arena;
}

static inline MaqalArenaHooks *maqal_arena_hooks(void) {
    static MaqalArenaHooks hooks = { .installed = PTHREAD_ONCE_INIT };
    return &hooks;
}

// The first chunk; later ones double. Most corpus pages fit in the first, with room for the
// parser's copy of the page.
enum { maqal_arena_first_chunk = 256 * 1024 };
// Kept between pages up to this size; a larger chunk (a page of many MB) goes back at the end.
enum { maqal_arena_kept_chunk = 8 * 1024 * 1024 };

static inline unsigned char *maqal_arena_chunk_start(MaqalArenaChunk *chunk) { return (unsigned char *)(chunk + 1); }

static inline MaqalArenaChunk *maqal_arena_owner(const MaqalArena *a, const void *pointer) {
    const unsigned char *p = pointer;
    for (MaqalArenaChunk *chunk = a->chunks; chunk; chunk = chunk->older)
        if (p >= maqal_arena_chunk_start(chunk) && p < maqal_arena_chunk_start(chunk) + chunk->capacity) return chunk;
    for (MaqalArenaChunk *chunk = a->retired; chunk; chunk = chunk->older)
        if (p >= maqal_arena_chunk_start(chunk) && p < maqal_arena_chunk_start(chunk) + chunk->capacity) return chunk;
    return NULL;
}

static inline void maqal_arena_free_chunks(MaqalArenaChunk *chunk) {
    while (chunk) {
        MaqalArenaChunk *older = chunk->older;
        free(chunk);
        chunk = older;
    }
}

static inline void maqal_arena_thread_ended(void *value) {
    MaqalArena *a = value;
    maqal_arena_free_chunks(a->chunks);
    maqal_arena_free_chunks(a->retired);
    a->chunks = a->retired = NULL;
    a->next = a->end = NULL;
    a->top = NULL;
}

static inline void *maqal_arena_allocate(MaqalArena *a, size_t size) {
    size_t capacity = (size + 15) & ~(size_t)15;
    if (capacity == 0) capacity = 16;
    size_t need = capacity + sizeof(MaqalArenaHeader);
    if (need < capacity) return NULL;  // overflow
    if ((size_t)(a->end - a->next) < need) {
        size_t chunkCapacity = a->chunks ? a->chunks->capacity * 2 : maqal_arena_first_chunk;
        if (chunkCapacity < need) chunkCapacity = need;
        MaqalArenaChunk *chunk = malloc(sizeof(MaqalArenaChunk) + chunkCapacity);
        if (!chunk) return NULL;
        chunk->older = a->chunks;
        chunk->capacity = chunkCapacity;
        chunk->live = 0;
        a->chunks = chunk;
        a->next = maqal_arena_chunk_start(chunk);
        a->end = a->next + chunkCapacity;
        a->top = NULL;
        if (!a->registered) {
            pthread_setspecific(maqal_arena_hooks()->threadExit, a);
            a->registered = 1;
        }
    }
    MaqalArenaHeader *header = (MaqalArenaHeader *)a->next;
    header->capacity = capacity;
    header->back = a->top ? (size_t)((unsigned char *)header - (unsigned char *)a->top) : 0;
    a->top = header;
    a->next += need;
    a->chunks->live += 1;
    a->blocks += 1;
    return header + 1;
}

static inline void maqal_arena_release(MaqalArena *a, MaqalArenaChunk *chunk, void *pointer) {
    MaqalArenaHeader *header = (MaqalArenaHeader *)pointer - 1;
    if (header->back & 1) return;  // freed twice: libxml2 does not, but never corrupt the arena
    header->back |= 1;
    chunk->live -= 1;
    if (header != a->top) return;
    while (a->top && (a->top->back & 1)) {
        MaqalArenaHeader *top = a->top;
        a->next = (unsigned char *)top;
        size_t back = top->back & ~(size_t)1;
        a->top = back ? (MaqalArenaHeader *)((unsigned char *)top - back) : NULL;
    }
}

static inline void maqal_arena_hook_free(void *pointer) {
    if (!pointer) return;
    MaqalArena *a = maqal_arena_current();
    MaqalArenaChunk *chunk = a->chunks || a->retired ? maqal_arena_owner(a, pointer) : NULL;
    if (chunk) {
        maqal_arena_release(a, chunk, pointer);
        return;
    }
    maqal_arena_hooks()->free(pointer);
}

static inline void *maqal_arena_hook_malloc(size_t size) {
    MaqalArena *a = maqal_arena_current();
    if (a->depth > 0) return maqal_arena_allocate(a, size);
    return maqal_arena_hooks()->malloc(size);
}

static inline void *maqal_arena_hook_realloc(void *pointer, size_t size) {
    if (!pointer) return maqal_arena_hook_malloc(size);
    MaqalArena *a = maqal_arena_current();
    MaqalArenaChunk *chunk = a->chunks || a->retired ? maqal_arena_owner(a, pointer) : NULL;
    if (!chunk) return maqal_arena_hooks()->realloc(pointer, size);
    MaqalArenaHeader *header = (MaqalArenaHeader *)pointer - 1;
    if (size <= header->capacity) return pointer;
    if (header == a->top && a->depth > 0) {
        // The newest block grows in place when its chunk has room: an attribute value's buffer.
        size_t capacity = (size + 15) & ~(size_t)15;
        if (capacity >= size && (size_t)(a->end - (unsigned char *)pointer) >= capacity) {
            header->capacity = capacity;
            a->next = (unsigned char *)pointer + capacity;
            return pointer;
        }
    }
    void *moved = a->depth > 0 ? maqal_arena_allocate(a, size) : maqal_arena_hooks()->malloc(size);
    if (!moved) return NULL;
    memcpy(moved, pointer, header->capacity);
    maqal_arena_release(a, chunk, pointer);
    return moved;
}

static inline char *maqal_arena_hook_strdup(const char *string) {
    MaqalArena *a = maqal_arena_current();
    if (a->depth == 0) return maqal_arena_hooks()->strdup(string);
    size_t length = strlen(string) + 1;
    char *copy = maqal_arena_allocate(a, length);
    if (copy) memcpy(copy, string, length);
    return copy;
}

static inline void maqal_arena_install(void) {
    // libxml2's global tables were made when it was loaded (maqal_libxml2), before any of its
    // memory can come from an arena.
    const MaqalLibXML2 *libxml2 = maqal_libxml2();
    if (!libxml2) return;
    pthread_key_create(&maqal_arena_hooks()->threadExit, maqal_arena_thread_ended);
    libxml2->memoryGet(&maqal_arena_hooks()->free, &maqal_arena_hooks()->malloc, &maqal_arena_hooks()->realloc, &maqal_arena_hooks()->strdup);
    libxml2->memorySetup(maqal_arena_hook_free, maqal_arena_hook_malloc, maqal_arena_hook_realloc, maqal_arena_hook_strdup);
}

// Opens the calling thread's window; libxml2 must be loaded (maqal_libxml2() not NULL).
static inline void maqal_parse_arena_begin(void) {
    const MaqalLibXML2 *libxml2 = maqal_libxml2();
    if (!libxml2) return;
    pthread_once(&maqal_arena_hooks()->installed, maqal_arena_install);
    MaqalArena *a = maqal_arena_current();
    if (a->depth == 0) {
        // This thread's libxml2 state (made with the C allocator on first use) exists before
        // the window opens.
        libxml2->resetLastError();
    }
    a->depth += 1;
}

static inline void maqal_parse_arena_end(void) {
    MaqalArena *a = maqal_arena_current();
    if (a->depth == 0) return;
    if (a->depth > 1) {
        a->depth -= 1;
        return;
    }
    // The last error's message and file name were copied into the arena; drop them while the
    // frees still find their chunk.
    maqal_libxml2()->resetLastError();
    a->depth = 0;
    // Chunks whose blocks are all freed are reused (the newest, if not too large) or returned;
    // one with a block still live is set aside, still recognised by the free hook, never reused.
    MaqalArenaChunk *keep = NULL;
    MaqalArenaChunk *chunk = a->chunks;
    while (chunk) {
        MaqalArenaChunk *older = chunk->older;
        if (chunk->live > 0) {
            chunk->older = a->retired;
            a->retired = chunk;
            a->retiredCount += 1;
        } else if (!keep && chunk == a->chunks && chunk->capacity <= maqal_arena_kept_chunk) {
            keep = chunk;
        } else {
            free(chunk);
        }
        chunk = older;
    }
    a->chunks = keep;
    a->top = NULL;
    if (keep) {
        keep->older = NULL;
        a->next = maqal_arena_chunk_start(keep);
        a->end = a->next + keep->capacity;
    } else {
        a->next = a->end = NULL;
    }
}

// glibc's mmap and trim thresholds for a process that parses page after page (MaqalCLI's
// MallocSettings says why); in this header because Swift's Glibc module leaves out <malloc.h>.
// An environment that tunes malloc itself (GLIBC_TUNABLES, MALLOC_*_) is left as it asks.
// Returns 1 when both were set.
static inline int maqal_malloc_thresholds(int mmapThreshold, int trimThreshold) {
#ifdef __GLIBC__
    extern char **environ;
    for (char **variable = environ; variable && *variable; variable++) {
        if (strncmp(*variable, "GLIBC_TUNABLES=", 15) == 0 || strncmp(*variable, "MALLOC_", 7) == 0) return 0;
    }
    return mallopt(M_MMAP_THRESHOLD, mmapThreshold) && mallopt(M_TRIM_THRESHOLD, trimThreshold);
#else
    (void)mmapThreshold; (void)trimThreshold;
    return 0;
#endif
}

static inline unsigned long maqal_parse_arena_retired(void) { return maqal_arena_current()->retiredCount; }

static inline unsigned long long maqal_parse_arena_blocks(void) { return maqal_arena_current()->blocks; }

#endif
