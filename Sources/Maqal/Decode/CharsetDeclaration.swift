/// Finds a declared charset in the first bytes of a page: `<meta charset>`, the `http-equiv`
/// form's `content="…; charset=…"`, or an XML declaration's `encoding="…"`.
///
/// Works on the raw bytes in place, folding ASCII case as it compares, so it reads the label
/// before any decoding and copies nothing but the label. The label comes back in lower case.
enum CharsetDeclaration {
    static func find(in bytes: ArraySlice<UInt8>) -> String? {
        bytes.withUnsafeBufferPointer { find(in: $0) }
    }

    static func find(in window: UnsafeBufferPointer<UInt8>) -> String? {
        // The XML declaration's label may be anywhere in the window, as a page read it before.
        if starts(window, with: "<?xml"), let at = firstIndex(of: "encoding=", in: window, from: 0, to: window.count),
            let label = label(in: window, from: at + 9, to: window.count)
        {
            return label
        }
        var searchFrom = 0
        while let start = firstIndex(of: "<meta", in: window, from: searchFrom, to: window.count) {
            var end = start
            while end < window.count && window[end] != UInt8(ascii: ">") { end += 1 }
            if let at = firstIndex(of: "charset=", in: window, from: start, to: end),
                let label = label(in: window, from: at + 8, to: end)
            {
                return label
            }
            searchFrom = end
        }
        return nil
    }

    @inline(__always)
    private static func lower(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }

    private static func starts(_ window: UnsafeBufferPointer<UInt8>, with prefix: StaticString) -> Bool {
        guard prefix.utf8CodeUnitCount <= window.count else { return false }
        let needle = UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount)
        for offset in 0..<needle.count where lower(window[offset]) != needle[offset] { return false }
        return true
    }

    /// Where `needle` (lower case) first starts in `window[from..<to]`, any case, wholly inside it.
    private static func firstIndex(
        of needle: StaticString, in window: UnsafeBufferPointer<UInt8>, from: Int, to end: Int
    ) -> Int? {
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        let first = pattern[0]
        var index = from
        while index + pattern.count <= end {
            if lower(window[index]) == first {
                var offset = 1
                while offset < pattern.count && lower(window[index + offset]) == pattern[offset] { offset += 1 }
                if offset == pattern.count { return index }
            }
            index += 1
        }
        return nil
    }

    /// The label after a `charset=` or `encoding=` that ends at `from`: spaces and quotes skipped,
    /// then letters, digits and `-_:.`, up to `end`.
    private static func label(in window: UnsafeBufferPointer<UInt8>, from: Int, to end: Int) -> String? {
        var index = from
        while index < end, window[index] == 0x20 || window[index] == 0x22 || window[index] == 0x27 {
            index += 1
        }
        let start = index
        while index < end {
            let byte = lower(window[index])
            let isLabel = (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || byte == 0x2D || byte == 0x5F
                || byte == 0x3A || byte == 0x2E
            if !isLabel { break }
            index += 1
        }
        guard index > start else { return nil }
        return String(unsafeUninitializedCapacity: index - start) { buffer in
            for offset in start..<index { buffer[offset - start] = lower(window[offset]) }
            return index - start
        }
    }
}
