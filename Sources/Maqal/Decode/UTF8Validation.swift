/// Whether bytes are well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing past
/// U+10FFFF) — the same answer as `String(validating:as:)`, without making the string.
///
/// A saved page is mostly ASCII markup, so eight bytes are checked at a time until a byte with
/// the high bit set turns up; the standard library's check went byte by byte and was most of
/// the Decode stage.
enum UTF8Validation {
    static func isValid(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { isValid($0) }
    }

    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let count = bytes.count
        var index = 0
        while index < count {
            // ASCII runs, a word at a time.
            while index + 8 <= count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                guard word & 0x8080_8080_8080_8080 == 0 else { break }
                index += 8
            }
            guard index < count else { return true }
            if base[index] < 0x80 {
                index += 1
                continue
            }
            let length = sequenceLength(base, at: index, count: count)
            guard length > 0 else { return false }
            index += length
        }
        return true
    }

    /// How bytes that are not all UTF-8 divide: high bytes inside well-formed sequences, and bytes
    /// that belong to none (each becomes U+FFFD, or is part of one).
    static func tally(_ bytes: [UInt8]) -> (validHigh: Int, invalid: Int) {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return (0, 0) }
            let count = buffer.count
            var validHigh = 0
            var invalid = 0
            var index = 0
            while index < count {
                if base[index] < 0x80 {
                    index += 1
                    continue
                }
                let length = sequenceLength(base, at: index, count: count)
                if length == 0 {
                    invalid += 1
                    index += 1
                } else {
                    validHigh += length
                    index += length
                }
            }
            return (validHigh, invalid)
        }
    }

    /// The length of the well-formed multi-byte sequence starting at `index` (a byte ≥ 0x80), or 0.
    @inline(__always)
    private static func sequenceLength(_ base: UnsafePointer<UInt8>, at index: Int, count: Int) -> Int {
        let length: Int
        var lower: UInt8 = 0x80
        var upper: UInt8 = 0xBF
        switch base[index] {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; lower = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; upper = 0x9F
        case 0xF0: length = 4; lower = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; upper = 0x8F
        default: return 0
        }
        guard index + length <= count else { return 0 }
        // The second byte has the lead's own range; the others are any continuation byte.
        let second = base[index + 1]
        guard second >= lower && second <= upper else { return 0 }
        for offset in 2..<max(2, length) where base[index + offset] & 0xC0 != 0x80 { return 0 }
        return length
    }
}
