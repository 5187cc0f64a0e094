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
        let offset: Int? = haystack.withUTF8 { bytes in
            pattern.withUTF8 { needleBytes in
                guard !needleBytes.isEmpty else { return 0 }
                guard needleBytes.count <= bytes.count else { return nil }
                let first = needleBytes[0]
                var index = 0
                let last = bytes.count - needleBytes.count
                while index <= last {
                    if bytes[index] == first {
                        var offset = 1
                        while offset < needleBytes.count && bytes[index + offset] == needleBytes[offset] { offset += 1 }
                        if offset == needleBytes.count { return index }
                    }
                    index += 1
                }
                return nil
            }
        }
        guard let offset else { return nil }
        let lower = utf8.index(startIndex, offsetBy: offset)
        let upper = utf8.index(lower, offsetBy: needle.utf8.count)
        return lower..<upper
    }
}

/// Finds whether any of many short ASCII fragments occurs in a name, in one pass over the name:
/// fragments are grouped by their first byte, so each position of the name is compared only with
/// the fragments that can start there.
struct FragmentMatcher: Sendable {
    private let byFirstByte: [[[UInt8]]]

    init(_ fragments: [String]) {
        var table = [[[UInt8]]](repeating: [], count: 256)
        for fragment in fragments where !fragment.isEmpty {
            let bytes = Array(fragment.utf8)
            table[Int(bytes[0])].append(bytes)
        }
        byFirstByte = table
    }

    func matches(_ name: String) -> Bool {
        var name = name
        return name.withUTF8 { bytes in
            for start in bytes.indices {
                for fragment in byFirstByte[Int(bytes[start])] where fragment.count <= bytes.count - start {
                    var offset = 1
                    while offset < fragment.count && bytes[start + offset] == fragment[offset] { offset += 1 }
                    if offset == fragment.count { return true }
                }
            }
            return false
        }
    }
}
