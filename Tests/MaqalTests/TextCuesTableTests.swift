import Foundation
import Testing

@testable import Maqal

/// The keys of TextCues' metadata labels, caption cues and ordinals are made ahead of time
/// (`TextCues+Table.swift`): what is compiled in must be what the phrases give today, in the same
/// order, or an edited phrase would not be found. `RECORD=1 swift test --filter TextCuesTable`
/// rewrites it from the phrases.
@Suite("Stored text cues")
struct TextCuesTableTests {
    static let file = TestSupport.root.appendingPathComponent("Sources/Maqal/Arabic/TextCues+Table.swift")

    @Test("the stored labels, cues and ordinals are the phrases' keys")
    func storedMatchesPhrases() throws {
        let made = TextCues.metadataLabelsMade
        if TestSupport.recording, try String(contentsOf: Self.file, encoding: .utf8) != Self.source() {
            try Self.source().write(to: Self.file, atomically: true, encoding: .utf8)
            Issue.record("rewrote TextCues+Table.swift: review the change (git diff), then run the tests again")
            return
        }
        #expect(TextCues.metadataLabels.map(\.key) == made.map(\.key))
        #expect(TextCues.metadataLabels.map(\.field) == made.map(\.field))
        #expect(TextCues.captionKeys == TextCues.captionPhrases.map(ArabicKey.make))
        #expect(TextCues.ordinalKeys.keys.joined(separator: "\n") == KeyTable.text(of: TextCues.ordinalPhrases))
        #expect(TextCues.ordinalKeys.contains("ثانيا") && !TextCues.ordinalKeys.contains("ثاني"))
        #expect(TextCues.ordinalKeys.keys.allSatisfy(ArabicKey.isPlain), "bytes compare as strings only for plain keys")
        // A label read from the stored table: its value and field.
        #expect(MetadataLine.read("بقلم: أحمد محمد") == MetadataLine(field: .author, value: "أحمد محمد"))
        #expect(MetadataLine.read("آخر تحديث: 12 مارس 2024")?.field == .modified)
    }

    /// The Swift source of the file: a label or a cue a line, then the ordinals' key table.
    static func source() -> String {
        var lines = [
            "// Written by `RECORD=1 swift test --filter TextCuesTable` from TextCues' phrases; edit those, not this.",
            "",
            "extension TextCues {",
            "    /// The keys of ``metadataLabelPhrases`` with their fields, longest first, as",
            "    /// ``metadataLabelsMade`` gives them. Made when the first line was read, they cost every run",
            "    /// 0.12M instructions; a literal array is laid out by the compiler.",
            "    static let metadataLabels: [(key: String, field: Field)] = [",
        ]
        for (key, field) in TextCues.metadataLabelsMade { lines.append("        (\"\(key)\", .\(field)),") }
        lines += [
            "    ]",
            "",
            "    /// The keys of ``captionPhrases``, in their order.",
            "    static let captionKeys: [String] = [",
        ]
        for key in TextCues.captionPhrases.map(ArabicKey.make) { lines.append("        \"\(key)\",") }
        lines.append("    ]")
        lines.append("")
        lines.append(TailLexiconTableTests.keyTableSource(name: "ordinalKeys", phrases: TextCues.ordinalPhrases))
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }
}
