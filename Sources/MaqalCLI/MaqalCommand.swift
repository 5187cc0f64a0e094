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
              maqal records < pages.jsonl           NDJSON in, one answer line per line
              maqal records --framed < frames       header line + the page's raw bytes
              maqal warc crawl.warc.gz -j 2         one answer line per page of a WARC
              maqal explain page.html               what was left out, and why
              maqal page.html --normalize search    search keys (changes spelling)

            Exit status: 0 done, 1 an input failed, 2 usage. Output is byte-true by default.
            """,
        version: versionLine,
        subcommands: [Parse.self, Convert.self, Records.self, Warc.self, Schema.self, Explain.self],
        defaultSubcommand: Parse.self
    )

    /// What `maqal --version` prints.
    static var versionLine: String { "maqal \(Maqal.version) (libxml2 \(Maqal.libxml2HeaderVersion))" }

    /// Usage errors exit 2, like other Unix tools (argument-parser's default is 64).
    static func main() {
        MallocSettings.apply()
        signal(SIGPIPE, SIG_IGN)
        let arguments = Array(CommandLine.arguments.dropFirst())
        let frontDoor = FrontDoor.setting
        if let help = TopLevelHelp.answer(arguments, stored: frontDoor != "off") {
            switch help {
            case .text(let text): Console.out(text)
            case .unknown(let message):
                Console.error(message)
                Foundation.exit(2)
            }
            Foundation.exit(0)
        }
        if frontDoor != "off" {
            switch FrontDoor.route(arguments) {
            case .version:
                Console.out(versionLine + "\n")
                Foundation.exit(0)
            case .parse(let command):
                do {
                    try command.run()
                } catch {
                    finish(error)
                }
                return
            case nil:
                if frontDoor == "only" {
                    Console.error("maqal: MAQAL_FRONT_DOOR=only, and the front door does not take this command line")
                    Foundation.exit(3)
                }
            }
        }
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            finish(error)
        }
    }

    /// Ends the program for an error of parsing or of a run: a usage error exits 2.
    private static func finish(_ error: any Error) -> Never {
        let code = exitCode(for: error)
        if code == .validationFailure {
            let message = fullMessage(for: error)
            FileHandle.standardError.write(Data((message + "\n").utf8))
            Foundation.exit(2)
        }
        exit(withError: error)
    }
}
