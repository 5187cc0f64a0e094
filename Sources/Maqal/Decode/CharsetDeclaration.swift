/// Finds a declared charset in the first bytes of a page: `<meta charset>`, the `http-equiv`
/// form's `content="…; charset=…"`, or an XML declaration's `encoding="…"`.
///
/// Works on raw bytes with ASCII case folding, so it reads the label before any decoding.
enum CharsetDeclaration {
    static func find(in bytes: ArraySlice<UInt8>) -> String? {
        let lower = bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        if lower.starts(with: Array("<?xml".utf8)), let label = value(after: Array("encoding=".utf8), in: lower) {
            return label
        }
        var searchFrom = 0
        let meta = Array("<meta".utf8)
        while let start = firstIndex(of: meta, in: lower, from: searchFrom) {
            let end = lower[start...].firstIndex(of: UInt8(ascii: ">")) ?? lower.endIndex
            let tag = Array(lower[start..<end])
            if let label = value(after: Array("charset=".utf8), in: tag) {
                return label
            }
            searchFrom = end
        }
        return nil
    }

    private static func value(after needle: [UInt8], in haystack: [UInt8]) -> String? {
        guard let at = firstIndex(of: needle, in: haystack, from: 0) else { return nil }
        var index = at + needle.count
        while index < haystack.count, haystack[index] == 0x20 || haystack[index] == 0x22 || haystack[index] == 0x27 {
            index += 1
        }
        let start = index
        while index < haystack.count {
            let byte = haystack[index]
            let isLabel = (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || byte == 0x2D || byte == 0x5F
                || byte == 0x3A || byte == 0x2E
            if !isLabel { break }
            index += 1
        }
        guard index > start else { return nil }
        return String(decoding: haystack[start..<index], as: UTF8.self)
    }

    private static func firstIndex(of needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        var index = from
        while index + needle.count <= haystack.count {
            if haystack[index] == needle[0], haystack[index..<(index + needle.count)].elementsEqual(needle) {
                return index
            }
            index += 1
        }
        return nil
    }
}
