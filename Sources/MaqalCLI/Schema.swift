import ArgumentParser
import Maqal

/// `maqal schema`: the JSON Schema of the JSON output.
struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema (draft 2020-12) of the JSON output.",
        discussion: "Example:\n  maqal schema > maqal.schema.json")

    func run() {
        Console.out(JSONSchema.text + "\n")
    }
}
