import ArgumentParser
import Foundation
import Maqal

/// `maqal`: saved Arabic articles → a typed document tree as Markdown, JSON or text.
@main
struct MaqalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "maqal",
        abstract: "Turn saved Arabic articles (HTML pages or plain text) into clean Markdown, JSON or text.",
        discussion: """
            Examples:
              maqal article.html                      Markdown on stdout
              maqal article.html --format json        the typed document tree
              maqal notes.txt --format json --compact one line of JSON
              cat page.html | maqal - --format text   read standard input
              maqal a.html b.txt --format ndjson      one JSON document per line
              maqal convert saved/ -o converted/      a whole folder, mirrored as Markdown
              maqal convert saved/ -f ndjson -o - | jq .metadata.title
              maqal schema > maqal.schema.json        the JSON Schema of the output
              maqal page.html --normalize search      search keys: letters folded, marks dropped

            --normalize takes a comma-separated list of: \(Normalization.helpText)
            (see `maqal parse --help`; "search" changes spelling). The default output is byte-true.
            """,
        version: Maqal.version,
        subcommands: [Parse.self, Convert.self, Schema.self, Explain.self],
        defaultSubcommand: Parse.self
    )

    /// Usage errors exit 2, like other Unix tools (argument-parser's default is 64).
    static func main() {
        signal(SIGPIPE, SIG_IGN)
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                let message = fullMessage(for: error)
                FileHandle.standardError.write(Data((message + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
