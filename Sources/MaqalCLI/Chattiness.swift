import ArgumentParser
import Maqal

/// `-q/--quiet` and `-v/--verbose`, which mean the same on every command.
struct Chattiness: ParsableArguments {
    @Flag(name: [.short, .long], help: "Only errors on standard error: no progress, summary or warnings.")
    var quiet = false

    @Flag(name: [.short, .long], help: "Also a line per input on standard error: its encoding, words and diagnostics.")
    var verbose = false

    func validate() throws { try level.validate() }

    /// The flags as plain values, as argument-parser read them.
    var level: Level { Level(quiet: quiet, verbose: verbose) }

    func describe(_ document: Document, input: String, warningsByDefault: Bool) -> String? {
        level.describe(document, input: input, warningsByDefault: warningsByDefault)
    }

    /// `-q` and `-v` as plain values, so the front door can make them without argument-parser.
    struct Level: Sendable {
        var quiet = false
        var verbose = false

        func validate() throws {
            if quiet && verbose { throw ValidationError("--quiet and --verbose contradict each other; choose one") }
        }

        /// What standard error says about one document read from `input`: with `--verbose` a line
        /// with its encoding and words, then every diagnostic; by default its warnings (as pandoc
        /// prints its own); with `--quiet` nothing. `nil` when there is nothing to say.
        func describe(_ document: Document, input: String, warningsByDefault: Bool) -> String? {
            if quiet || (!verbose && !warningsByDefault) { return nil }
            var lines: [String] = []
            if verbose {
                lines.append("maqal: \(input): \(document.source.format.rawValue), \(document.source.encoding.rawValue) "
                    + "(\(document.source.encodingFrom.rawValue)), \(document.stats.words) words")
            }
            for diagnostic in document.diagnostics where verbose || diagnostic.severity != .info {
                lines.append("maqal: \(input): \(diagnostic.severity.rawValue): \(diagnostic.message) [\(diagnostic.id)]")
            }
            return lines.isEmpty ? nil : lines.joined(separator: "\n")
        }
    }
}
