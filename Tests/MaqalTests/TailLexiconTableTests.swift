import Foundation
import Testing

@testable import Maqal

/// The tail lexicon's keys are made ahead of time (`TailLexicon+Table.swift`); each table compiled
/// in must hold the keys its phrases give today, and answer as a set of those keys would.
@Suite struct TailLexiconTableTests {
    @Test("each compiled-in tail table holds the keys of its phrases")
    func tablesMatchPhrases() throws {
        let stale = TailLexicon.tables.filter { $0.table.keys.joined(separator: "\n") != KeyTable.text(of: $0.phrases) }
        if !stale.isEmpty, ProcessInfo.processInfo.environment["MAQAL_WRITE_LEXICON_TABLE"] != nil {
            let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("Sources/Maqal/Arabic/TailLexicon+Table.swift")
            let tables = TailLexicon.tables.map { Self.keyTableSource(name: $0.name, phrases: $0.phrases) + "\n" }
            let source = """
                // Written by TailLexiconTableTests (MAQAL_WRITE_LEXICON_TABLE=1 swift test --filter TailLexiconTable)
                // from TailLexicon's phrase lists: edit the phrases, not this file. Each table: the keys as
                // ArabicKey makes them, each once, one a line, sorted by their UTF-8 bytes.
                extension TailLexicon {

                """ + tables.joined(separator: "\n") + "}\n"
            try source.write(to: file, atomically: true, encoding: .utf8)
        }
        #expect(stale.isEmpty, "TailLexicon+Table.swift is stale for \(stale.map(\.name)): run MAQAL_WRITE_LEXICON_TABLE=1 swift test --filter TailLexiconTable")
    }

    /// The declaration of the key table `name` made of `phrases`, in an extension's body.
    static func keyTableSource(name: String, phrases: [String]) -> String {
        "    static let \(name) = KeyTable(\n        \"\"\"\n"
            + KeyTable.text(of: phrases).split(separator: "\n").map { "        " + $0 + "\n" }.joined()
            + "        \"\"\")"
    }

    @Test("a tail table answers as the set of its phrases' keys does")
    func tablesAnswerAsSets() {
        let everyKey = TailLexicon.tables.flatMap { $0.phrases.map(ArabicKey.make) }
        for (name, phrases, table) in TailLexicon.tables {
            let keys = Set(phrases.map(ArabicKey.make))
            for key in keys {
                #expect(!key.isEmpty && ArabicKey.isPlain(key), "\(name): \(key) is not plain, so bytes may not compare as strings")
            }
            // Every key of every table, and near misses: a letter short, a letter more, a prefix of a word.
            var asked = everyKey + everyKey.map { String($0.dropLast()) } + everyKey.map { $0 + "ه" } + everyKey.map { "ا" + $0 }
            asked += ["", " ", "zzz", "ي", "الساعه المائيه", "فيسبوك تويتر"]
            for word in asked {
                #expect(table.contains(word) == keys.contains(word), "\(name): \(word)")
                #expect(table.contains(word[...]) == keys.contains(word), "\(name): \(word) as a substring")
            }
        }
    }
}
