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

/// Finds whether any of many short ASCII fragments occurs in a name, in one pass over the name:
/// fragments are grouped by their first byte, so each position of the name is compared only with
/// the fragments that can start there.
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

    func matches(_ name: String) -> Bool {
        var name = name
        return name.withUTF8 { bytes in
            storage.withUnsafeBufferPointer { storage in
                bounds.withUnsafeBufferPointer { bounds in
                    buckets.withUnsafeBufferPointer { buckets in
                        for start in bytes.indices {
                            let first = Int(bytes[start])
                            if singles[first] { return true }
                            let room = bytes.count - start
                            guard room >= 2 else { continue }
                            let pair = first << 8 | Int(bytes[start + 1])
                            guard pairs[pair >> 6] & (1 << UInt64(pair & 63)) != 0 else { continue }
                            for fragment in buckets[first]..<buckets[first + 1] {
                                let lower = bounds[fragment]
                                let length = bounds[fragment + 1] - lower
                                guard length <= room else { continue }
                                var offset = 1
                                while offset < length && bytes[start + offset] == storage[lower + offset] { offset += 1 }
                                if offset == length { return true }
                            }
                        }
                        return false
                    }
                }
            }
        }
    }
}
