import Foundation
import Testing

@testable import Maqal

/// The stored classes of U+0000–06FF (`ScalarClassTable.swift`) are what the definitions give.
///
/// The table is written out so that no run works it out at start-up; this test is what keeps it
/// true when a definition in ``ArabicScalar``, ``ScriptDetector`` or ``CharacterCount`` changes.
/// `RECORD=1 swift test --filter ScalarClassTable` rewrites it from the definitions.
@Suite("Stored scalar classes")
struct ScalarClassTableTests {
    static let file = TestSupport.root.appendingPathComponent("Sources/Maqal/Arabic/ScalarClassTable.swift")

    @Test("every stored class is the one the definitions give")
    func storedMatchesDefinitions() throws {
        let computed = (UInt32(0)..<ScalarClass.storedCount).map { ScalarClass.classify($0).rawValue }
        if TestSupport.recording, try String(contentsOf: Self.file, encoding: .utf8) != Self.source(computed) {
            try Self.source(computed).write(to: Self.file, atomically: true, encoding: .utf8)
            Issue.record("rewrote ScalarClassTable.swift: review the change (git diff), then run the tests again")
            return
        }
        #expect(ScalarClass.stored.count == computed.count)
        for (value, (stored, wanted)) in zip(ScalarClass.stored, computed).enumerated() where stored != wanted {
            Issue.record("U+\(String(value, radix: 16, uppercase: true)): stored \(stored), the definitions give \(wanted); RECORD=1 swift test --filter ScalarClassTable")
        }
    }

    @Test("a lookup gives the definitions' class below the table's end and past it")
    func lookups() {
        // Alef, a haraka, a Latin letter, an Arabic-Indic digit, Hebrew; then past the table: Thaana, a CJK letter.
        for value: UInt32 in [0x0627, 0x064E, 0x0041, 0x0663, 0x05D0, 0x0780, 0x4E00] {
            #expect(ScalarClass.of(value) == ScalarClass.classify(value))
        }
        #expect(ScalarClass.of(0x0627).contains(.arabicLetter))
        #expect(!ScalarClass.of(0x0020).contains(.word))
    }

    /// The Swift source of the table: 16 values a line, a comment naming the first scalar of every 256.
    static func source(_ values: [UInt16]) -> String {
        var lines = [
            "// Written by `RECORD=1 swift test --filter ScalarClassTable` from the definitions; edit those, not this.",
            "",
            "extension ScalarClass {",
            "    /// The class (``rawValue``) of every scalar below ``storedCount``, as ``classify(_:)`` gives it.",
            "    ///",
            "    /// Working these out took 1.85M instructions at the start of every run (1,792 general-category",
            "    /// lookups), half of what a one-line article costs; a literal array is laid out by the compiler.",
            "    static let stored: [UInt16] = [",
        ]
        for start in stride(from: 0, to: values.count, by: 16) {
            if start % 256 == 0 { lines.append("        // U+" + String(format: "%04X", start)) }
            let row = values[start..<min(start + 16, values.count)].map { String(format: "0x%03X", $0) }
            lines.append("        " + row.joined(separator: ", ") + ",")
        }
        lines.append("    ]")
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }
}
