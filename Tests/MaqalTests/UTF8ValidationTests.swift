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
            #expect(UTF8Validation.isValid(bytes) == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
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
            #expect(UTF8Validation.isValid(bytes) == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
        }
    }
}
