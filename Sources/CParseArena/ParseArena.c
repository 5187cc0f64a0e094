// See include/ParseArena.h for what the arena is for.
//
// Layout: a thread's arena is a list of chunks, newest first; blocks are bumped off the newest.
// Each block has a 16-byte header: its capacity and the distance back to the previous block's
// header (0 for a chunk's first block), whose low bit marks the block freed. Freeing the top
// block pops it and every freed block under it, so libxml2's stack-like use (copy a name, read
// an attribute into a buffer, grow it, free it, free the name) keeps the arena as small as
// what is live; a block freed out of order waits until the blocks above it go.
#include "ParseArena.h"

#include <libxml/xmlmemory.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct Chunk {
    struct Chunk *older;
    size_t capacity;  // bytes of blocks after this header
    size_t live;      // blocks allocated and not yet freed
    size_t padding;   // keeps the blocks 16-byte aligned
} Chunk;

typedef struct Header {
    size_t capacity;  // payload bytes, a multiple of 16
    size_t back;      // bytes back to the previous header in the chunk, 0 if first; bit 0: freed
} Header;

typedef struct Arena {
    Chunk *chunks;    // newest first; blocks are bumped off the newest
    Chunk *retired;   // chunks that still held live blocks at a window's end: never reused
    unsigned char *next;
    unsigned char *end;
    Header *top;      // the newest block in the newest chunk, or NULL when it is empty
    int depth;
    int registered;
    unsigned long retiredCount;
    unsigned long long blocks;
} Arena;

static __thread Arena arena;

static xmlFreeFunc previousFree;
static xmlMallocFunc previousMalloc;
static xmlReallocFunc previousRealloc;
static xmlStrdupFunc previousStrdup;
static pthread_once_t installed = PTHREAD_ONCE_INIT;
static pthread_key_t threadExit;

// The first chunk; later ones double. Most corpus pages fit in the first, with room for the
// parser's copy of the page.
enum { firstChunk = 256 * 1024 };
// Kept between pages up to this size; a larger chunk (a page of many MB) goes back at the end.
enum { keptChunk = 8 * 1024 * 1024 };

static inline unsigned char *chunkStart(Chunk *chunk) { return (unsigned char *)(chunk + 1); }

static inline Chunk *owner(const Arena *a, const void *pointer) {
    const unsigned char *p = pointer;
    for (Chunk *chunk = a->chunks; chunk; chunk = chunk->older)
        if (p >= chunkStart(chunk) && p < chunkStart(chunk) + chunk->capacity) return chunk;
    for (Chunk *chunk = a->retired; chunk; chunk = chunk->older)
        if (p >= chunkStart(chunk) && p < chunkStart(chunk) + chunk->capacity) return chunk;
    return NULL;
}

static void freeChunks(Chunk *chunk) {
    while (chunk) {
        Chunk *older = chunk->older;
        free(chunk);
        chunk = older;
    }
}

static void threadEnded(void *value) {
    Arena *a = value;
    freeChunks(a->chunks);
    freeChunks(a->retired);
    a->chunks = a->retired = NULL;
    a->next = a->end = NULL;
    a->top = NULL;
}

static void *allocate(Arena *a, size_t size) {
    size_t capacity = (size + 15) & ~(size_t)15;
    if (capacity == 0) capacity = 16;
    size_t need = capacity + sizeof(Header);
    if (need < capacity) return NULL;  // overflow
    if ((size_t)(a->end - a->next) < need) {
        size_t chunkCapacity = a->chunks ? a->chunks->capacity * 2 : firstChunk;
        if (chunkCapacity < need) chunkCapacity = need;
        Chunk *chunk = malloc(sizeof(Chunk) + chunkCapacity);
        if (!chunk) return NULL;
        chunk->older = a->chunks;
        chunk->capacity = chunkCapacity;
        chunk->live = 0;
        a->chunks = chunk;
        a->next = chunkStart(chunk);
        a->end = a->next + chunkCapacity;
        a->top = NULL;
        if (!a->registered) {
            pthread_setspecific(threadExit, a);
            a->registered = 1;
        }
    }
    Header *header = (Header *)a->next;
    header->capacity = capacity;
    header->back = a->top ? (size_t)((unsigned char *)header - (unsigned char *)a->top) : 0;
    a->top = header;
    a->next += need;
    a->chunks->live += 1;
    a->blocks += 1;
    return header + 1;
}

static void release(Arena *a, Chunk *chunk, void *pointer) {
    Header *header = (Header *)pointer - 1;
    if (header->back & 1) return;  // freed twice: libxml2 does not, but never corrupt the arena
    header->back |= 1;
    chunk->live -= 1;
    if (header != a->top) return;
    while (a->top && (a->top->back & 1)) {
        Header *top = a->top;
        a->next = (unsigned char *)top;
        size_t back = top->back & ~(size_t)1;
        a->top = back ? (Header *)((unsigned char *)top - back) : NULL;
    }
}

static void hookFree(void *pointer) {
    if (!pointer) return;
    Arena *a = &arena;
    Chunk *chunk = a->chunks || a->retired ? owner(a, pointer) : NULL;
    if (chunk) {
        release(a, chunk, pointer);
        return;
    }
    previousFree(pointer);
}

static void *hookMalloc(size_t size) {
    Arena *a = &arena;
    if (a->depth > 0) return allocate(a, size);
    return previousMalloc(size);
}

static void *hookRealloc(void *pointer, size_t size) {
    if (!pointer) return hookMalloc(size);
    Arena *a = &arena;
    Chunk *chunk = a->chunks || a->retired ? owner(a, pointer) : NULL;
    if (!chunk) return previousRealloc(pointer, size);
    Header *header = (Header *)pointer - 1;
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
    void *moved = a->depth > 0 ? allocate(a, size) : previousMalloc(size);
    if (!moved) return NULL;
    memcpy(moved, pointer, header->capacity);
    release(a, chunk, pointer);
    return moved;
}

static char *hookStrdup(const char *string) {
    Arena *a = &arena;
    if (a->depth == 0) return previousStrdup(string);
    size_t length = strlen(string) + 1;
    char *copy = allocate(a, length);
    if (copy) memcpy(copy, string, length);
    return copy;
}

static void install(void) {
    // libxml2's global tables are made before any of its memory can come from an arena.
    xmlInitParser();
    pthread_key_create(&threadExit, threadEnded);
    xmlMemGet(&previousFree, &previousMalloc, &previousRealloc, &previousStrdup);
    xmlMemSetup(hookFree, hookMalloc, hookRealloc, hookStrdup);
}

void maqal_parse_arena_begin(void) {
    pthread_once(&installed, install);
    Arena *a = &arena;
    if (a->depth == 0) {
        // This thread's libxml2 state (made with the C allocator on first use) exists before
        // the window opens.
        xmlResetLastError();
    }
    a->depth += 1;
}

void maqal_parse_arena_end(void) {
    Arena *a = &arena;
    if (a->depth == 0) return;
    if (a->depth > 1) {
        a->depth -= 1;
        return;
    }
    // The last error's message and file name were copied into the arena; drop them while the
    // frees still find their chunk.
    xmlResetLastError();
    a->depth = 0;
    // Chunks whose blocks are all freed are reused (the newest, if not too large) or returned;
    // one with a block still live is set aside, still recognised by the free hook, never reused.
    Chunk *keep = NULL;
    Chunk *chunk = a->chunks;
    while (chunk) {
        Chunk *older = chunk->older;
        if (chunk->live > 0) {
            chunk->older = a->retired;
            a->retired = chunk;
            a->retiredCount += 1;
        } else if (!keep && chunk == a->chunks && chunk->capacity <= keptChunk) {
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
        a->next = chunkStart(keep);
        a->end = a->next + keep->capacity;
    } else {
        a->next = a->end = NULL;
    }
}

unsigned long maqal_parse_arena_retired(void) { return arena.retiredCount; }

unsigned long long maqal_parse_arena_blocks(void) { return arena.blocks; }
