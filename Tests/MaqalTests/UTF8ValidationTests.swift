import Testing

@testable import Maqal

/// The Decode stage decides "this page is UTF-8" with its own validator; a wrong answer would
/// send a UTF-8 page to a legacy code page or let broken bytes through.
@Suite("UTF-8 validation")
struct UTF8ValidationTests {
    @Test("agrees with the standard library on the edges of every sequence length")
    func edges() {
        let cases: [[UInt8]] = [
            [], Array("plain ASCII, longer than one word of eight bytes".utf8), Array("عربي".utf8),
            [0xC0, 0x80], [0xC1, 0xBF], [0xC2, 0x80], [0xDF, 0xBF], [0xE0, 0x9F, 0x80], [0xE0, 0xA0, 0x80],
            [0xED, 0x9F, 0xBF], [0xED, 0xA0, 0x80], [0xEF, 0xBF, 0xBF], [0xF0, 0x8F, 0x80, 0x80],
            [0xF0, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80],
            [0xFF], [0x80], [0xD8], [0xD8, 0x41], Array("abcdefgh".utf8) + [0xD8, 0xA7], [0xE2, 0x82], [0xF0, 0x9F, 0x98],
        ]
        for bytes in cases {
            #expect(UTF8Validation.tally(bytes).isValid == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
        }
    }

    @Test("agrees with the standard library on random bytes around valid text")
    func random() {
        var generator = SeededGenerator(#function)
        let seed = Array("نص عربي مع ASCII و 😀 و ١٢٣ <p class=\"x\">".utf8)
        for _ in 0..<20_000 {
            var bytes = seed
            for _ in 0..<Int.random(in: 0...3, using: &generator) {
                let position = Int.random(in: 0..<bytes.count, using: &generator)
                bytes[position] = UInt8.random(in: 0...255, using: &generator)
            }
            if Bool.random(using: &generator) { bytes = Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &generator))) }
            #expect(UTF8Validation.tally(bytes).isValid == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
        }
    }

    @Test("agrees with the standard library on every one- and two-byte sequence, alone and inside ASCII, and every three-byte one that two bytes leave open")
    func exhaustive() {
        // Before the bytes: nothing, and 13 ASCII bytes (the 16- and 8-byte steps meet the
        // sequence at every offset as the tail grows); after: nothing, and ASCII again.
        let before = Array("<p class=\"x\">".utf8)
        var mismatches: [[UInt8]] = []
        var triple: [UInt8] = [0, 0, 0]
        func check(_ sequence: [UInt8]) {
            let alone = String(validating: sequence, as: UTF8.self) != nil
            if UTF8Validation.tally(sequence).isValid != alone {
                mismatches.append(sequence)
            }
        }
        for first in 0...255 {
            check([UInt8(first)])
            for second in 0...255 {
                let pair = [UInt8(first), UInt8(second)]
                check(pair)
                check(before + pair + before)
                // Three bytes: every third byte after a lead of a longer sequence and a
                // continuation byte. After any other pair the first two bytes are already
                // judged (the pair above) and the third is read as a new start (its own check).
                guard first >= 0xE0 && second & 0xC0 == 0x80 else { continue }
                triple[0] = UInt8(first)
                triple[1] = UInt8(second)
                for third in 0...255 {
                    triple[2] = UInt8(third)
                    check(triple)
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
    }

    @Test("counts stray bytes as the byte-by-byte reading does, on seeded random bytes")
    func tallyAgrees() {
        var generator = SeededGenerator(#function)
        let texts = [
            Array("نص عربي مع ASCII و 😀 و ١٢٣ <p class=\"x\">".utf8),
            CodePage.windows1256.encode("وقال المتحدث باسم الوزارة، في مؤتمر صحفي عقده اليوم")!,
            Array("<html><head><meta charset=\"utf-8\"><title>عنوان</title></head>".utf8),
        ]
        for _ in 0..<20_000 {
            var bytes = texts[Int.random(in: 0..<texts.count, using: &generator)]
            bytes += Array(repeating: UInt8(ascii: "a"), count: Int.random(in: 0...20, using: &generator))
            for _ in 0..<Int.random(in: 0...6, using: &generator) {
                let position = Int.random(in: 0..<bytes.count, using: &generator)
                bytes[position] = UInt8.random(in: 0...255, using: &generator)
            }
            if Bool.random(using: &generator) { bytes = Array(bytes.suffix(Int.random(in: 0...bytes.count, using: &generator))) }
            let tally = UTF8Validation.tally(bytes)
            let expected = Self.tallyByteByByte(bytes)
            #expect(tally.validHigh == expected.validHigh && tally.invalid == expected.invalid, "\(bytes)")
            #expect(tally.isValid == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
            #expect(tally.isASCII == bytes.allSatisfy { $0 < 0x80 }, "\(bytes)")
        }
    }

    /// The tally read one sequence at a time with the standard library's decoder: a well-formed
    /// sequence counts its high bytes; anything else counts one byte and steps one byte on.
    static func tallyByteByByte(_ bytes: [UInt8]) -> (validHigh: Int, invalid: Int) {
        var validHigh = 0
        var invalid = 0
        var index = 0
        while index < bytes.count {
            if bytes[index] < 0x80 {
                index += 1
                continue
            }
            let length = bytes[index] >= 0xF0 ? 4 : bytes[index] >= 0xE0 ? 3 : 2
            if index + length <= bytes.count, let text = String(validating: bytes[index..<(index + length)], as: UTF8.self),
                text.unicodeScalars.count == 1
            {
                validHigh += length
                index += length
            } else {
                invalid += 1
                index += 1
            }
        }
        return (validHigh, invalid)
    }
}
