import ArgumentParser
import Maqal

/// `maqal schema`: the JSON Schema of the JSON output.
struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema (draft 2020-12) of the JSON output.",
        discussion: """
            Examples:
              maqal schema > maqal.schema.json                  a document (parse, convert)
              maqal schema records > maqal-records.schema.json  a line of maqal records and maqal warc
            """)

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case document, records
    }

    @Argument(help: "document (the default) or records (the lines of maqal records and maqal warc).")
    var kind: Kind = .document

    /// Accepted as on every command; the schema has nothing to add on standard error.
    @OptionGroup var chattiness: Chattiness

    func run() {
        Console.out((kind == .document ? JSONSchema.text : RecordSchema.text) + "\n")
    }
}
