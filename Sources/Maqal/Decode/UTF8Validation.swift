/// Whether bytes are well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing past
/// U+10FFFF) — the same answer as `String(validating:as:)`, without making the string — and, in
/// the same pass, how bytes that are not all UTF-8 divide.
///
/// A saved page is mostly ASCII markup (five bytes in six on the corpus pages) with runs of
/// two-byte letters between, so ASCII is skipped sixteen and eight bytes at a time, a word with a
/// high byte jumps straight to that byte, and two-byte sequences (Arabic letters) are checked four
/// to a word; only the rarer three- and four-byte sequences go through the general check.
enum UTF8Validation {
    /// What one pass over the bytes found.
    struct Tally: Equatable {
        /// High bytes inside well-formed sequences.
        var validHigh = 0
        /// Bytes that belong to no well-formed sequence (each becomes U+FFFD, or is part of one).
        var invalid = 0

        var isValid: Bool { invalid == 0 }
        /// Valid and all below 0x80.
        var isASCII: Bool { invalid == 0 && validHigh == 0 }
    }

    /// The whole page's tally, whether or not it is valid: a page that is not UTF-8 needs the
    /// share of its high bytes that still form sequences (``ByteDecoder``'s stray-byte rule), so
    /// it is counted in the pass that finds the page is not UTF-8 rather than in a second one.
    static func tally(_ bytes: [UInt8]) -> Tally {
        bytes.withUnsafeBufferPointer { scan($0) }
    }

    @inline(__always)
    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Tally {
        var tally = Tally()
        guard let base = bytes.baseAddress else { return tally }
        let count = bytes.count
        var index = 0
        while index < count {
            // ASCII.
            while index + 16 <= count, (ByteMask.word(base + index) | ByteMask.word(base + index + 8)) & ByteMask.highBits == 0 {
                index += 16
            }
            if index + 8 <= count {
                let high = ByteMask.word(base + index) & ByteMask.highBits
                if high == 0 {
                    index += 8
                    continue
                }
                index += high.trailingZeroBitCount >> 3
            } else {
                while index < count && base[index] < 0x80 { index += 1 }
                if index == count { break }
            }
            // A high byte: sequences until the next ASCII byte.
            repeat {
                // Four two-byte sequences at once (an Arabic word is mostly that).
                while index + 8 <= count, isFourPairs(ByteMask.word(base + index)) {
                    tally.validHigh += 8
                    index += 8
                }
                guard index < count else { break }
                let lead = base[index]
                if index + 2 <= count, isPair(UInt16(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt16.self))) {
                    tally.validHigh += 2
                    index += 2
                } else if lead < 0x80 {
                    break
                } else {
                    let length = sequenceLength(base, at: index, count: count)
                    if length == 0 {
                        tally.invalid += 1
                        index += 1
                    } else {
                        tally.validHigh += length
                        index += length
                    }
                }
            } while index < count
        }
        return tally
    }

    /// Whether two bytes (the first lowest) are a lead C2–DF and a continuation byte.
    @inline(__always)
    private static func isPair(_ pair: UInt16) -> Bool {
        pair & 0xC0E0 == 0x80C0 && pair & 0x001E != 0
    }

    /// ``isPair(_:)`` for the four pairs of a word at once: each lead is 110xxxxx with one of
    /// its bits 1–4 set (C0 and C1 are overlong), each second byte 10xxxxxx.
    @inline(__always)
    private static func isFourPairs(_ word: UInt64) -> Bool {
        guard word & 0xC0E0_C0E0_C0E0_C0E0 == 0x80C0_80C0_80C0_80C0 else { return false }
        // Bits 1–4 of each lead, plus 0x1E, carry into bit 5 unless all are zero; no lane
        // carries into the next.
        let lowBits = word & 0x001E_001E_001E_001E
        return (lowBits &+ 0x001E_001E_001E_001E) & 0x0020_0020_0020_0020 == 0x0020_0020_0020_0020
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
