import Foundation
import Testing

@testable import Maqal

/// The stored keys of the Arabic block (`ArabicKey+Table.swift`) are what the fold's rule gives.
///
/// The table is written out so that no run works it out when it makes its first key (256 scalars
/// classified, a general-category lookup for each letter); this test keeps it true when the rule
/// changes. `RECORD=1 swift test --filter ArabicKeyTable` rewrites it from the rule.
@Suite("Stored Arabic-block keys")
struct ArabicKeyTableTests {
    static let file = TestSupport.root.appendingPathComponent("Sources/Maqal/Arabic/ArabicKey+Table.swift")

    @Test("every stored key is the one the rule gives")
    func storedMatchesRule() throws {
        let computed = (UInt32(0x0600)...0x06FF).map(ArabicKey.arabicBlockKey)
        if TestSupport.recording, try String(contentsOf: Self.file, encoding: .utf8) != Self.source(computed) {
            try Self.source(computed).write(to: Self.file, atomically: true, encoding: .utf8)
            Issue.record("rewrote ArabicKey+Table.swift: review the change (git diff), then run the tests again")
            return
        }
        #expect(ArabicKey.arabicBlockStored == computed)
        // The table's three kinds of entry: a letter kept (ش), one folded (أ to ا), a haraka dropped, a comma separating.
        #expect(ArabicKey.arabicBlockStored[0x34] == 0x0634)
        #expect(ArabicKey.arabicBlockStored[0x23] == 0x0627)
        #expect(ArabicKey.arabicBlockStored[0x4E] == ArabicKey.dropped)
        #expect(ArabicKey.arabicBlockStored[0x0C] == ArabicKey.separator)
    }

    @Test("a key's words split on its bytes are the words split by characters")
    func wordsOfKey() {
        let texts = [
            "", " ", "تعليقات", "التعليقات (3)", "  اترك   تعليقاً  ", "شارك المقال عبر فيسبوك | تويتر", "Leave a Reply",
            // Not plain: a letter with a hamza of its own, Latin with an accent, and Thai, whose
            // SARA AM joins the space before it into one character.
            "ؤلؤ ئ", "café au lait", "คำ ำคำ", "x \u{0E33}y",
        ]
        for text in texts {
            let key = ArabicKey.make(text)
            #expect(ArabicKey.words(of: key) == key.split(separator: " "), "\(text)")
        }
        #expect(ArabicKey.words(of: ArabicKey.make("أضف تعليقاً")) == ["اضف", "تعليقا"])
    }

    /// The Swift source of the table: 8 values a line, a comment naming the first scalar of every 64.
    static func source(_ values: [UInt32]) -> String {
        var lines = [
            "// Written by `RECORD=1 swift test --filter ArabicKeyTable` from ArabicKey's rule; edit that, not this.",
            "",
            "extension ArabicKey {",
            "    /// What each scalar of the Arabic block (U+0600–06FF) gives in a key, as ``arabicBlockKey(_:)``",
            "    /// gives it. Worked out when the first key was made, it cost every run 75,000 instructions;",
            "    /// a literal array is laid out by the compiler.",
            "    static let arabicBlockStored: [UInt32] = [",
        ]
        for start in stride(from: 0, to: values.count, by: 8) {
            if start % 64 == 0 { lines.append("        // U+" + String(format: "%04X", 0x0600 + start)) }
            let row = values[start..<min(start + 8, values.count)].map { String(format: "0x%08X", $0) }
            lines.append("        " + row.joined(separator: ", ") + ",")
        }
        lines.append("    ]")
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }
}
