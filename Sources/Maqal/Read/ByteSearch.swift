extension String {
    /// Whether `needle` occurs in the string, compared as UTF-8 bytes.
    ///
    /// With Foundation imported, `contains(_:)` on strings bridges to `NSString.range(of:)`, which
    /// profiling showed costing two thirds of a page's parse in the class-name checks alone.
    func includes(_ needle: String) -> Bool {
        byteRange(of: needle) != nil
    }

    /// The first occurrence of `needle`, compared as UTF-8 bytes (the fast stand-in for
    /// Foundation's `range(of:)`, which bridges through NSString; see ``includes(_:)``).
    func byteRange(of needle: String) -> Range<String.Index>? {
        var haystack = self
        var pattern = needle
        let offset = haystack.withUTF8 { bytes in pattern.withUTF8 { ByteSearch.offset(of: $0, in: bytes) } }
        guard let offset else { return nil }
        let lower = utf8.index(startIndex, offsetBy: offset)
        let upper = utf8.index(lower, offsetBy: needle.utf8.count)
        return lower..<upper
    }
}

enum ByteSearch {
    /// Where `needle` first occurs in `haystack`, as a byte offset.
    static func offset(of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !needle.isEmpty else { return 0 }
        guard needle.count <= haystack.count else { return nil }
        let first = needle[0]
        var index = 0
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first {
                var offset = 1
                while offset < needle.count && haystack[index + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return index }
            }
            index += 1
        }
        return nil
    }
}

/// Finds which of many short fragments (class-name words, Arabic notice phrases as keys) occur in
/// a text, in one pass over it: fragments are grouped by their first byte, so each position is
/// compared only with the fragments that can start there, after a bit set of their first two
/// bytes has turned most positions away (in Arabic UTF-8 the first byte alone tells little).
///
/// Fragments may come in several sets, which one scan tells apart (``sets(in:)``): callers that
/// asked two matchers about the same name read it twice.
struct FragmentMatcher: Sendable {
    /// The fragments back to back, grouped by first byte: those starting with byte `b` are
    /// `fragments[buckets[b]..<buckets[b + 1]]`. Flat arrays keep the inner loop free of
    /// reference counting.
    private let storage: [UInt8]
    private let fragments: [Fragment]
    private let buckets: [Int]
    /// One bit per pair of a first byte and the byte after it that can start a fragment; most
    /// positions of a name start none, and this turns them away with one lookup. A one-byte
    /// fragment sets its byte with every next byte, and the end of the text reads as next byte 0
    /// (a filter only: whatever passes is compared in full).
    private let pairs: [UInt64]
    /// Every set's bit: the scan for ``sets(in:)`` stops once all are found.
    private let allSets: UInt32

    private struct Fragment {
        var start: Int
        var count: Int
        /// The bit of the set it came from.
        var set: UInt32
    }

    /// A matcher for one set of fragments.
    init(_ fragments: [String]) {
        self.init(sets: [fragments])
    }

    /// A matcher for up to 32 sets, told apart by bit `k` for `sets[k]` in ``sets(in:)``.
    init(sets: [[String]]) {
        precondition(sets.count <= 32)
        let tagged = sets.enumerated().flatMap { number, set in
            set.filter { !$0.isEmpty }.map { (bytes: Array($0.utf8), set: UInt32(1) << UInt32(number)) }
        }
        let sorted = tagged.sorted { $0.bytes[0] < $1.bytes[0] }
        var storage: [UInt8] = []
        var fragments: [Fragment] = []
        var buckets = [Int](repeating: 0, count: 257)
        var pairs = [UInt64](repeating: 0, count: 1024)
        for (bytes, set) in sorted {
            fragments.append(Fragment(start: storage.count, count: bytes.count, set: set))
            storage += bytes
            buckets[Int(bytes[0]) + 1] += 1
            let first = Int(bytes[0]) << 8
            for next in bytes.count == 1 ? Array(0..<256) : [Int(bytes[1])] {
                pairs[(first | next) >> 6] |= 1 << UInt64((first | next) & 63)
            }
        }
        for byte in 0..<256 { buckets[byte + 1] += buckets[byte] }
        self.storage = storage
        self.fragments = fragments
        self.buckets = buckets
        self.pairs = pairs
        allSets = sets.isEmpty ? 0 : UInt32.max >> (32 - UInt32(sets.count))
    }

    /// Whether any fragment occurs in `name`.
    func matches(_ name: String) -> Bool {
        sets(in: name) != 0
    }

    /// The sets with a fragment in `text`: bit `k` for the `k`th set the matcher was made with.
    func sets(in text: String) -> UInt32 {
        var found: UInt32 = 0
        search(text) { fragment in
            found |= fragment.set
            return found == allSets
        }
        return found
    }

    /// How many different fragments occur in `text`; counting stops at `limit`.
    func countFound(in text: String, upTo limit: Int) -> Int {
        var seen = [Bool](repeating: false, count: fragments.count)
        var count = 0
        search(text) { fragment in
            if !seen[fragment.index] {
                seen[fragment.index] = true
                count += 1
            }
            return count >= limit
        }
        return count
    }

    /// Calls `found` with each fragment (its index and set) at each place it occurs, in text
    /// order, until `found` returns true.
    ///
    /// Runs for every class and id name of every element; on buffers, the loop has no bounds
    /// checks, which took about a third of its instructions.
    @inline(__always)
    private func search(_ text: String, _ found: ((index: Int, set: UInt32)) -> Bool) {
        var text = text
        text.withUTF8 { bytes in
            storage.withUnsafeBufferPointer { storage in
                fragments.withUnsafeBufferPointer { fragments in
                    buckets.withUnsafeBufferPointer { buckets in
                        pairs.withUnsafeBufferPointer { pairs in
                            for start in bytes.indices {
                                let first = Int(bytes[start])
                                let room = bytes.count - start
                                let pair = first << 8 | (room > 1 ? Int(bytes[start + 1]) : 0)
                                guard pairs[pair >> 6] & (1 << UInt64(pair & 63)) != 0 else { continue }
                                for index in buckets[first]..<buckets[first + 1] {
                                    let fragment = fragments[index]
                                    guard fragment.count <= room else { continue }
                                    // Offsets stay within `room` and the storage: no overflow checks.
                                    var offset = 1
                                    while offset < fragment.count
                                        && bytes[start &+ offset] == storage[fragment.start &+ offset]
                                    {
                                        offset &+= 1
                                    }
                                    if offset == fragment.count && found((index, fragment.set)) { return }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
