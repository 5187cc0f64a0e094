import ArgumentParser
import Maqal

/// `maqal explain`: what a parse left out of one article, and why.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "List what was left out of an article and why: one line per removed run of text.",
        discussion: """
            Each line: the reason id (furniture.nav, lexicon.box, metadata.byline, outside-root …), where it was \
            (an element path for HTML, a line number for text), its length in characters, and the text shortened. \
            The same list is in the JSON output with --explain, as "removed".
            Examples:
              maqal explain page.html
              maqal explain notes.txt --full
            """)

    @Argument(help: ArgumentHelp("The file to explain; - reads standard input.", valueName: "file"))
    var input: String

    @Flag(help: "Print each removed text whole instead of shortened.")
    var full = false

    @Option(help: "Shorten each removed text to this many characters.")
    var width = 72

    @OptionGroup var reading: ReadingOptions

    func validate() throws {
        if width < 8 { throw ValidationError("--width must be at least 8") }
    }

    func run() throws {
        var options = reading.parseOptions
        options.explain = true
        do {
            let document = try InputFile.parse(input, options: options)
            Console.out(ExplainRenderer.render(document, width: full ? nil : width))
        } catch {
            Console.error("maqal: \(input): \(error.message)")
            throw ExitCode.failure
        }
    }
}
