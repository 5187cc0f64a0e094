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

/// Starts routing this thread's libxml2 allocations to its arena (nests: only the outermost
/// begin/end pair counts).
void maqal_parse_arena_begin(void);

/// Ends the window: clears libxml2's per-thread last error (whose copies live in the arena) and
/// makes the arena's memory reusable by the next page.
void maqal_parse_arena_end(void);

/// Arena chunks of this thread that still held a block libxml2 never freed when a window ended,
/// and were set aside instead of reused (a test expects none).
unsigned long maqal_parse_arena_retired(void);

/// Blocks handed out by this thread's arena so far (for tests and the benchmark).
unsigned long long maqal_parse_arena_blocks(void);

#endif
