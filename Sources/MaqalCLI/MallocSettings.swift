import CLibXML2

/// glibc's allocator set for a process that parses page after page, before any thread starts.
///
/// By default glibc gives a buffer over 128 KB its own `mmap` and returns it to the kernel when it
/// is freed (raising that bar only as larger buffers are freed), and returns the free top of a
/// heap to the kernel once it passes 128 KB. A page's buffers (its bytes, the decoded and the lean
/// copy, the tree's columns) are 100 KB to a few MB, so the first pages of a run, and a page on a
/// worker whose heap had just been trimmed, took fresh memory from the kernel: a page fault for
/// every 4 KB touched, and with several threads a TLB shootdown for every unmap. With the bar at
/// 4 MB and trimming past 8 MB free, those buffers are reused from the heap from the first page
/// on; a larger page's still go back to the kernel, and a heap keeps at most 8 MB it does not use.
/// An environment that tunes malloc itself (`GLIBC_TUNABLES`, `MALLOC_*_`) is left as it asks.
enum MallocSettings {
    static func apply() {
        _ = maqal_malloc_thresholds(4 << 20, 8 << 20)
    }
}
