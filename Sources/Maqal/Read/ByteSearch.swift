extension String {
    /// Whether `needle` occurs in the string, compared as UTF-8 bytes.
    ///
    /// With Foundation imported, `contains(_:)` on strings bridges to `NSString.range(of:)`, which
    /// profiling showed costing two thirds of a page's parse in the class-name checks alone.
    func includes(_ needle: String) -> Bool {
        var haystack = self
        var pattern = needle
        return haystack.withUTF8 { bytes in
            pattern.withUTF8 { needleBytes in
                guard !needleBytes.isEmpty else { return true }
                guard needleBytes.count <= bytes.count else { return false }
                let first = needleBytes[0]
                var index = 0
                let last = bytes.count - needleBytes.count
                while index <= last {
                    if bytes[index] == first {
                        var offset = 1
                        while offset < needleBytes.count && bytes[index + offset] == needleBytes[offset] { offset += 1 }
                        if offset == needleBytes.count { return true }
                    }
                    index += 1
                }
                return false
            }
        }
    }
}
