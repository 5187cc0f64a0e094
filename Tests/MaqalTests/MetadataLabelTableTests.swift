import Foundation
import Testing

@testable import Maqal

/// The metadata labels' keys are made ahead of time (`TextCues+Table.swift`): the table compiled in
/// must be the one the phrases give today, in the same order, or an edited label would not be found.
/// `RECORD=1 swift test --filter MetadataLabelTable` rewrites it from the phrases.
@Suite("Stored metadata labels")
struct MetadataLabelTableTests {
    static let file = TestSupport.root.appendingPathComponent("Sources/Maqal/Arabic/TextCues+Table.swift")

    @Test("the stored labels are the phrases' keys, longest first, with their fields")
    func storedMatchesPhrases() throws {
        let made = TextCues.metadataLabelsMade
        if TestSupport.recording, try String(contentsOf: Self.file, encoding: .utf8) != Self.source(made) {
            try Self.source(made).write(to: Self.file, atomically: true, encoding: .utf8)
            Issue.record("rewrote TextCues+Table.swift: review the change (git diff), then run the tests again")
            return
        }
        #expect(TextCues.metadataLabels.map(\.key) == made.map(\.key))
        #expect(TextCues.metadataLabels.map(\.field) == made.map(\.field))
        // A label read from the stored table: its value and field.
        #expect(MetadataLine.read("بقلم: أحمد محمد") == MetadataLine(field: .author, value: "أحمد محمد"))
        #expect(MetadataLine.read("آخر تحديث: 12 مارس 2024")?.field == .modified)
    }

    /// The Swift source of the table: a label a line.
    static func source(_ labels: [(key: String, field: TextCues.Field)]) -> String {
        var lines = [
            "// Written by `RECORD=1 swift test --filter MetadataLabelTable` from TextCues.metadataLabelPhrases;",
            "// edit those, not this.",
            "",
            "extension TextCues {",
            "    /// The keys of ``metadataLabelPhrases`` with their fields, longest first, as",
            "    /// ``metadataLabelsMade`` gives them. Made when the first line was read, they cost every run",
            "    /// 0.12M instructions; a literal array is laid out by the compiler.",
            "    static let metadataLabels: [(key: String, field: Field)] = [",
        ]
        for (key, field) in labels { lines.append("        (\"\(key)\", .\(field)),") }
        lines.append("    ]")
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }
}
