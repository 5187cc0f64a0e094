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
struct FragmentMatcher: Sendable {
    /// The fragments back to back, grouped by first byte: fragment `k` is
    /// `storage[bounds[k]..<bounds[k + 1]]`, and those starting with byte `b` are the fragments
    /// `buckets[b]..<buckets[b + 1]`. Flat arrays keep the inner loop free of reference counting.
    private let storage: [UInt8]
    private let bounds: [Int]
    private let buckets: [Int]
    /// One bit per pair of first two bytes some fragment starts with: most positions of a name
    /// start no fragment, and this turns them away with one lookup.
    private let pairs: [UInt64]
    /// First bytes that are a whole fragment on their own.
    private let singles: [Bool]

    init(_ fragments: [String]) {
        let sorted = fragments.filter { !$0.isEmpty }.map { Array($0.utf8) }.sorted { $0[0] < $1[0] }
        var storage: [UInt8] = []
        var bounds = [0]
        var buckets = [Int](repeating: 0, count: 257)
        var pairs = [UInt64](repeating: 0, count: 1024)
        var singles = [Bool](repeating: false, count: 256)
        for fragment in sorted {
            storage += fragment
            bounds.append(storage.count)
            buckets[Int(fragment[0]) + 1] += 1
            if fragment.count == 1 {
                singles[Int(fragment[0])] = true
            } else {
                let pair = Int(fragment[0]) << 8 | Int(fragment[1])
                pairs[pair >> 6] |= 1 << UInt64(pair & 63)
            }
        }
        self.pairs = pairs
        self.singles = singles
        for byte in 0..<256 { buckets[byte + 1] += buckets[byte] }
        self.storage = storage
        self.bounds = bounds
        self.buckets = buckets
    }

    /// Whether any fragment occurs in `name`.
    func matches(_ name: String) -> Bool {
        var found = false
        search(name) { _ in
            found = true
            return true
        }
        return found
    }

    /// How many different fragments occur in `text`; counting stops at `limit`.
    func countFound(in text: String, upTo limit: Int) -> Int {
        var seen = [Bool](repeating: false, count: bounds.count - 1)
        var count = 0
        search(text) { fragment in
            if !seen[fragment] {
                seen[fragment] = true
                count += 1
            }
            return count >= limit
        }
        return count
    }

    /// Calls `found` with the index of each fragment at each place it occurs, in text order,
    /// until `found` returns true.
    @inline(__always)
    private func search(_ text: String, _ found: (Int) -> Bool) {
        var text = text
        text.withUTF8 { bytes in
            storage.withUnsafeBufferPointer { storage in
                bounds.withUnsafeBufferPointer { bounds in
                    buckets.withUnsafeBufferPointer { buckets in
                        for start in bytes.indices {
                            let first = Int(bytes[start])
                            let room = bytes.count - start
                            if room < 2 || pairs[(first << 8 | Int(bytes[start + 1])) >> 6]
                                & (1 << UInt64((first << 8 | Int(bytes[start + 1])) & 63)) == 0
                            {
                                // No fragment of two bytes or more starts here; a one-byte one may.
                                guard singles[first] else { continue }
                            }
                            for fragment in buckets[first]..<buckets[first + 1] {
                                let lower = bounds[fragment]
                                let length = bounds[fragment + 1] - lower
                                guard length <= room else { continue }
                                var offset = 1
                                while offset < length && bytes[start + offset] == storage[lower + offset] { offset += 1 }
                                if offset == length && found(fragment) { return }
                            }
                        }
                    }
                }
            }
        }
    }
}
