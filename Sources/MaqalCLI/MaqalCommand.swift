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
              maqal article.html                    Markdown on stdout
              maqal article.html -f json            the typed document tree
              maqal notes.txt -f json --compact     one line of JSON
              cat page.html | maqal -f text         standard input (or -)
              maqal a.html b.txt -f ndjson          one JSON document per line
              maqal convert saved/ -o converted/    a folder, mirrored as Markdown
              maqal convert saved/ --beside         x.md next to each x.html
              maqal convert saved/ -f ndjson -o - | jq .metadata.title
              maqal schema > maqal.schema.json      the JSON Schema of the output
              maqal page.html --normalize search    search keys (changes spelling)

            Exit status: 0 done, 1 an input failed, 2 usage. Output is byte-true by default.
            """,
        version: "maqal \(Maqal.version) (libxml2 \(Maqal.libxml2Version))",
        subcommands: [Parse.self, Convert.self, Schema.self],
        defaultSubcommand: Parse.self
    )

    /// Usage errors exit 2, like other Unix tools (argument-parser's default is 64).
    static func main() {
        signal(SIGPIPE, SIG_IGN)
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let help = TopLevelHelp.answer(arguments) {
            switch help {
            case .text(let text): Console.out(text)
            case .unknown(let message):
                Console.error(message)
                Foundation.exit(2)
            }
            Foundation.exit(0)
        }
        do {
            var command = try parseAsRoot(arguments)
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
