import ArgumentParser
import Maqal

/// `maqal schema`: the JSON Schema of the JSON output.
struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema (draft 2020-12) of the JSON output.",
        discussion: "Example:\n  maqal schema > maqal.schema.json")

    /// Accepted as on every command; the schema has nothing to add on standard error.
    @OptionGroup var chattiness: Chattiness

    func run() {
        Console.out(JSONSchema.text + "\n")
    }
}
