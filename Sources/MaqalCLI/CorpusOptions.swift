import ArgumentParser
import Foundation
import Maqal

/// Options shared by the corpus commands, `maqal records` and `maqal warc`.
struct CorpusOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Flat fields instead of the whole document, a comma-separated list of: "
            + RecordField.allCases.map(\.rawValue).joined(separator: ", ") + ".",
        valueName: "list"))
    var fields: String?

    @Option(name: [.short, .long], help: "Parse this many records at once; answers still come in input order.")
    var jobs: Int = 1

    @Option(name: .customLong("record-timeout-ms"), help: ArgumentHelp(
        "Answer a record that takes longer than this with a timeout error and go on (0: no limit).",
        valueName: "ms"))
    var recordTimeoutMs: Int = 10_000

    @Option(help: ArgumentHelp(
        "Keep only documents whose text is in this language by its letters: ar, fa or ur "
            + "(others are answered with \"skipped\": \"language\").",
        valueName: "code"))
    var language: String?

    @Option(name: .customLong("min-words"), help: ArgumentHelp(
        "Keep only documents with at least this many words (others: \"skipped\": \"min-words\").", valueName: "n"))
    var minWords: Int = 0

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if recordTimeoutMs < 0 { throw ValidationError("--record-timeout-ms must be 0 or more") }
        if minWords < 0 { throw ValidationError("--min-words must be 0 or more") }
        if let language, !RecordOptions.languages.contains(language) {
            throw ValidationError("--language takes one of: \(RecordOptions.languages.joined(separator: ", "))")
        }
        _ = try fieldList()
    }

    func fieldList() throws -> [RecordField] {
        guard let fields else { return [] }
        switch RecordField.list(fields) {
        case .success(let list): return list
        case .failure(let unknown):
            throw ValidationError("unknown field '\(unknown.name)'; use: "
                + RecordField.allCases.map(\.rawValue).joined(separator: ", "))
        }
    }

    var timeout: Duration? { recordTimeoutMs == 0 ? nil : .milliseconds(recordTimeoutMs) }

    func recordOptions(parse: ParseOptions) -> RecordOptions {
        RecordOptions(parse: parse, fields: (try? fieldList()) ?? [], language: language, minWords: minWords)
    }
}

/// One protocol line and its newline, written to stdout at once; false when stdout has gone away.
func writeProtocolLine(_ line: [UInt8]) -> Bool {
    var text = String(decoding: line, as: UTF8.self)
    text.append("\n")
    return Console.tryOut(text)
}
