import CParseArena

/// libxml2's own allocations for one page, taken from a per-thread arena and let go at once.
///
/// libxml2 allocates and frees a few thousand small blocks a page (a copy of the current element's
/// name after every element, a buffer and its regrowth for every attribute value), which made more
/// than half of the pipeline's allocations. Inside ``run(_:)`` they are bumped off the thread's
/// arena (`Sources/CParseArena`), which keeps only what is live and is reused by the next page.
/// Only libxml2's allocator hooks are routed; Swift's allocations are unchanged.
enum ParseArena {
    /// Runs `body` with this thread's libxml2 allocations in its arena.
    static func run<Result>(_ body: () -> Result) -> Result {
        maqal_parse_arena_begin()
        defer { maqal_parse_arena_end() }
        return body()
    }

    /// Arena chunks set aside because libxml2 left a block in them when a parse ended (none is
    /// expected; a test checks).
    static var retiredChunks: UInt { maqal_parse_arena_retired() }

    /// Blocks the calling thread's arena has handed out.
    static var blocks: UInt64 { maqal_parse_arena_blocks() }
}
