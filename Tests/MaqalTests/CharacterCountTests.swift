import Testing

@testable import Maqal

/// `stats.characters` is counted by a fast path for the common scripts; it must equal what
/// Swift's own grapheme clusters give, or the count in every document would drift.
@Suite("Character count")
struct CharacterCountTests {
    /// The count the Structure stage adds up: the fast path, or `String.count` where it steps aside.
    private func characters(_ text: String) -> Int { TextFacts(text).characters ?? text.count }

    @Test("equals String.count on Arabic with harakat, controls, CR LF and mixed scripts")
    func matchesGraphemeCount() {
        let samples = [
            "", "\u{064E}قال", "كَتَبَ الطالبُ الدرسَ", "سطر\r\nسطر\nسطر\r", "\u{200F}مرحبا\u{200E} abc",
            "ال\u{200C}كتاب", "\u{FEFF}نص", "تطويـــل ١٢٣ ۴۵۶", "\u{0600}١٢٣", "emoji 👍🏽 بعد", "한국어 نص",
            "\n\u{064B}", "a\u{0301}b", "\u{00AD}\u{0651}", "ﻻ ﷲ ﴾نص﴿", "©\u{200D}© ‼\u{200D}⁉ نص",
        ]
        for sample in samples {
            #expect(characters(sample) == sample.count, "\(sample.debugDescription)")
        }
    }

    @Test("equals String.count on random runs of the scalars it handles itself")
    func randomRuns() {
        // Scalars from every class the fast path knows, plus a few it hands to the standard library.
        let pool: [UInt32] = [0x20, 0x41, 0x0A, 0x0D, 0x09, 0xA0, 0xAD, 0xE9, 0x0627, 0x0644, 0x064B, 0x0651, 0x0670,
                              0x0610, 0x06D6, 0x06E5, 0x0640, 0x061C, 0x0660, 0x06F4, 0x0750, 0x200B, 0x200C,
                              0x200D, 0x200E, 0x2026, 0x2028, 0xFB56, 0xFEFB, 0xFEFF, 0x0600, 0x1F44D, 0x0915,
                              0xA9, 0xAE, 0x203C, 0x2049]
        var generator = SeededGenerator(#function)
        for _ in 0..<5_000 {
            let length = Int.random(in: 0...12, using: &generator)
            var scalars = String.UnicodeScalarView()
            for _ in 0..<length { scalars.append(Unicode.Scalar(pool.randomElement(using: &generator)!)!) }
            let text = String(scalars)
            #expect(characters(text) == text.count, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            for count in [0, 1, 3, 6] {
                #expect(CharacterCount.prefix(count, of: text).utf8.count == text.prefix(count).utf8.count,
                        "\(count) of \(text.unicodeScalars.map { String($0.value, radix: 16) })")
            }
        }
    }
}
