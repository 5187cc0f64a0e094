import Foundation
import Testing

@testable import Maqal

/// The lexicon's keys are made ahead of time (`BoilerplateLexicon+Table.swift`); the table compiled
/// in must be the one the entries give today, or an edited phrase would not be found.
@Suite struct BoilerplateLexiconTableTests {
    @Test("the compiled-in lexicon table is the one its entries make")
    func tableMatchesEntries() throws {
        let made = BoilerplateLexicon.table(of: BoilerplateLexicon.entries)
        let compiled = BoilerplateLexicon.generatedTable.description
        if made != compiled, ProcessInfo.processInfo.environment["MAQAL_WRITE_LEXICON_TABLE"] != nil {
            let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("Sources/Maqal/Arabic/BoilerplateLexicon+Table.swift")
            let source = """
                // Written by BoilerplateLexiconTableTests (MAQAL_WRITE_LEXICON_TABLE=1 swift test --filter
                // BoilerplateLexiconTable) from BoilerplateLexicon.entries: edit the entries, not this file.
                // Each line: W (every key, sorted by its UTF-8 bytes) or P (the prefix keys, longest first), the
                // role's number, a space, the key as ArabicKey makes it.
                extension BoilerplateLexicon {
                    static let generatedTable: StaticString = \"\"\"

                """ + made.split(separator: "\n").map { "        " + $0 + "\n" }.joined() + """
                        \"\"\"
                }

                """
            try source.write(to: file, atomically: true, encoding: .utf8)
        }
        #expect(made == compiled, "BoilerplateLexicon+Table.swift is stale: run MAQAL_WRITE_LEXICON_TABLE=1 swift test --filter BoilerplateLexiconTable")
    }

    @Test("every phrase is found by the lexicon read from the table, with the role the entries give it")
    func everyPhraseFound() {
        let shared = BoilerplateLexicon.shared
        for entry in BoilerplateLexicon.entries {
            let first = BoilerplateLexicon.entries.first { ArabicKey.make($0.phrase).lowercased() == ArabicKey.make(entry.phrase).lowercased() }!
            #expect(shared.role(of: entry.phrase) == first.role, "\(entry.phrase)")
            if entry.extent == .prefix {
                #expect(shared.role(of: entry.phrase + " عنوان المقال") != nil, "\(entry.phrase) followed by a title")
            }
        }
        #expect(shared.role(of: "الساعة المائية من أقدم أدوات قياس الزمن") == nil)
        #expect(shared.role(of: "تابعونا " + String(repeating: "كلمة ", count: 20)) == nil, "a long paragraph is not furniture")
    }
}
