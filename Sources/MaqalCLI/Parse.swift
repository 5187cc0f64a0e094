import ArgumentParser
import Foundation
import Maqal

/// Output formats of `maqal parse` and `maqal convert`.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case markdown, json, ndjson, text
}

extension ParseOptions.InputFormat: ExpressibleByArgument {}

/// Options that say how to read inputs, shared by the commands that read articles.
struct ReadingOptions: ParsableArguments {
    @Option(name: .customLong("input-format"), help: "How to read inputs: auto, html or text.")
    var inputFormat: ParseOptions.InputFormat = .auto

    @Option(help: ArgumentHelp(
        "Read inputs in this encoding instead of detecting it.",
        valueName: TextEncoding.names.joined(separator: "|")))
    var encoding: String?

    @Option(name: .customLong("max-bytes"), help: "Refuse inputs larger than this many bytes.")
    var maxBytes: Int = ParseOptions.defaultMaxBytes

    @Option(help: "Reading speed in words a minute, for readingMinutes.")
    var wpm: Int = 180

    @Option(help: ArgumentHelp(
        "Rewrite the text for search or training, a comma-separated list of: \(Normalization.helpText).",
        discussion: """
            nfc: Unicode NFC. presentation-forms: ﻻ → لا, ﷲ → الله. invisibles: drop ZWSP, soft hyphens, stray BOMs; \
            NBSP to space. bidi-controls: drop LRM/RLM/ALM, embeddings, overrides, isolates. tatweel: drop kashida \
            between letters. diacritics (or diacritics-keep-shadda): drop harakat. digits-ascii / digits-arabic: \
            convert digits (with separators: ٫ ٬ too). search: all of these plus letter folding (أ إ آ ٱ → ا, \
            ى → ي, ة → ه) — it changes spelling. ZWNJ and ZWJ are never removed.
            """,
        valueName: "list"))
    var normalize: String?

    @Flag(help: "In JSON, add \"removed\": every run of visible input text left out of the body and the metadata, with why and where (see `maqal explain`).")
    var explain = false
    @Flag(name: .customLong("keep-data-images"), help: ArgumentHelp(
        "Keep images inlined as data: URIs (SingleFile pages) in figures; by default their src is null."))
    var keepDataImages = false

    func validate() throws {
        if let encoding, TextEncoding(label: encoding) == nil {
            throw ValidationError("unknown encoding '\(encoding)'; use one of: \(TextEncoding.names.joined(separator: ", "))")
        }
        if maxBytes <= 0 { throw ValidationError("--max-bytes must be positive") }
        _ = try normalization()
        if wpm <= 0 { throw ValidationError("--wpm must be positive") }
    }

    /// The `--normalize` list, or a usage error that names the valid names.
    func normalization() throws -> [Normalization] {
        guard let normalize else { return [] }
        return try normalize.split(separator: ",").map { name in
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            guard let step = Normalization(rawValue: trimmed) else {
                throw ValidationError("unknown --normalize name '\(trimmed)'; use: \(Normalization.helpText)")
            }
            return step
        }
    }

    var parseOptions: ParseOptions {
        ParseOptions(
            inputFormat: inputFormat, encoding: encoding.flatMap { TextEncoding(label: $0) }, wordsPerMinute: wpm,
            maxBytes: maxBytes, normalization: (try? normalization()) ?? [], explain: explain,
            keepDataImages: keepDataImages)
    }
}

/// `maqal parse`: one or more articles to stdout or a file.
struct Parse: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Parse saved articles and print them (the default command).",
        discussion: """
            Examples:
              maqal parse article.html
              maqal parse article.html --format json --output article.json
              maqal parse --input-format text --encoding windows-1256 old.txt
            """)

    @Argument(help: ArgumentHelp("Files to parse; - reads standard input.", valueName: "file"))
    var inputs: [String]

    @Option(name: [.short, .long], help: "Output format: markdown, json, ndjson or text.")
    var format: OutputFormat = .markdown

    @Option(name: [.short, .long], help: "Write to this file instead of standard output.")
    var output: String?

    @OptionGroup var rendering: RenderingOptions

    @OptionGroup var reading: ReadingOptions

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("name a file to parse, or - for standard input") }
        if inputs.count > 1 && format == .json {
            throw ValidationError("several inputs need --format ndjson (one JSON document per line)")
        }
        if inputs.filter({ $0 == "-" }).count > 1 { throw ValidationError("standard input (-) can be read only once") }
    }

    func run() throws {
        var failed = false
        // To a file: collected and written whole. To stdout: each document as soon as it is read,
        // in input order, so `| head` or `| jq` see results at once and memory stays flat.
        var rendered: [String] = []
        let separator = format == .ndjson ? "" : "\n"
        var printed = 0
        for input in inputs {
            do {
                let document = try InputFile.parse(input, options: reading.parseOptions)
                let text = rendering.render(document, as: format)
                if output == nil {
                    Console.out(printed == 0 ? text : separator + text)
                    printed += 1
                } else {
                    rendered.append(text)
                }
            } catch {
                failed = true
                Console.error("maqal: \(input): \(error.message)")
            }
        }
        if let output {
            do {
                try OutputFile.write(rendered.joined(separator: separator), to: output)
            } catch {
                Console.error("maqal: \(output): \(error.localizedDescription)")
                throw ExitCode.failure
            }
        }
        if failed { throw ExitCode.failure }
    }
}

/// Options that say how to write documents, shared by the commands that render articles.
struct RenderingOptions: ParsableArguments {
    @Flag(help: "JSON on one line.")
    var compact = false

    @Flag(name: .customLong("front-matter"), help: "Start Markdown with YAML front matter holding the metadata.")
    var frontMatter = false

    @Flag(name: .customLong("rtl-marks"),
          help: "In Markdown, put U+200F before Arabic blocks that start with a Latin word, for dir=auto renderers.")
    var rtlMarks = false

    var markdown: MarkdownRenderer.Options { .init(frontMatter: frontMatter, rtlMarks: rtlMarks) }

    /// One document in `format`; JSON and NDJSON end in a newline.
    func render(_ document: Document, as format: OutputFormat) -> String {
        switch format {
        case .markdown: MarkdownRenderer.render(document, options: markdown)
        case .json: JSONRenderer.render(document, compact: compact) + "\n"
        case .ndjson: JSONRenderer.render(document, compact: true) + "\n"
        case .text: TextRenderer.render(document)
        }
    }
}
