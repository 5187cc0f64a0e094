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
        valueName: TextEncoding.names.joined(separator: "|")),
        completion: .list(TextEncoding.names))
    var encoding: String?

    @Option(name: .customLong("max-bytes"), help: "Refuse inputs larger than this many bytes.")
    var maxBytes: Int = ParseOptions.defaultMaxBytes

    @Option(help: "Reading speed in words a minute, for readingMinutes.")
    var wpm: Int = 180

    @Option(help: ArgumentHelp(
        "Rewrite the text for search or training: none, or a comma-separated list of: \(Normalization.helpText); "
            + "repeatable, the lists are merged.",
        discussion: """
            nfc: Unicode NFC. presentation-forms: ﻻ → لا, ﷲ → الله. invisibles: drop ZWSP, soft hyphens, stray BOMs; \
            NBSP to space. bidi-controls: drop LRM/RLM/ALM, embeddings, overrides, isolates. tatweel: drop kashida \
            between letters. diacritics (or diacritics-keep-shadda): drop harakat. digits-ascii / digits-arabic: \
            convert digits (with separators: ٫ ٬ too). search: all of these plus letter folding (أ إ آ ٱ → ا, \
            ى → ي, ة → ه) — it changes spelling. ZWNJ and ZWJ are never removed.
            """,
        valueName: "list"),
        completion: .list(NormalizationList.names))
    var normalize: [String] = []

    @Flag(help: "In JSON, add \"removed\": every run of visible input text left out of the body and the metadata, with why and where (see `maqal explain`).")
    var explain = false
    @Flag(name: .customLong("keep-data-images"), help: ArgumentHelp(
        "Keep images inlined as data: URIs (SingleFile pages) in figures; by default their src is null."))
    var keepDataImages = false

    func validate() throws { try values.validate() }

    var parseOptions: ParseOptions { values.parseOptions }

    /// The options as plain values, as argument-parser read them.
    var values: Values {
        Values(
            inputFormat: inputFormat, encoding: encoding, maxBytes: maxBytes, wpm: wpm, normalize: normalize,
            explain: explain, keepDataImages: keepDataImages)
    }

    /// The reading options as plain values, so the front door can make them without argument-parser.
    struct Values: Sendable {
        var inputFormat = ParseOptions.InputFormat.auto
        var encoding: String?
        var maxBytes = ParseOptions.defaultMaxBytes
        var wpm = 180
        var normalize: [String] = []
        var explain = false
        var keepDataImages = false

        func validate() throws {
            if let encoding, TextEncoding(label: encoding) == nil {
                throw ValidationError("unknown encoding '\(encoding)'; use one of: \(TextEncoding.names.joined(separator: ", "))")
            }
            if maxBytes <= 0 { throw ValidationError("--max-bytes must be positive") }
            _ = try NormalizationList.parse(normalize)
            if wpm <= 0 { throw ValidationError("--wpm must be positive") }
        }

        var parseOptions: ParseOptions {
            ParseOptions(
                inputFormat: inputFormat, encoding: encoding.flatMap { TextEncoding(label: $0) }, wordsPerMinute: wpm,
                maxBytes: maxBytes, normalization: (try? NormalizationList.parse(normalize)) ?? [], explain: explain,
                keepDataImages: keepDataImages)
        }
    }
}

/// `maqal parse`: one or more articles to stdout or a file.
struct Parse: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Parse saved articles and print them (the default command).",
        discussion: """
            With no file and standard input not a terminal, standard input is read. Several files in \
            Markdown or text are printed one after another, each after a line naming it \
            (<!-- maqal: FILE --> in Markdown, ==> FILE <== in text), so one stream stays readable and \
            splittable; --format ndjson gives one JSON document per line instead.

            Examples:
              maqal parse article.html
              maqal parse article.html --format json --output article.json
              maqal parse --input-format text --encoding windows-1256 old.txt
              cat page.html | maqal --format text
            """)

    @Argument(help: ArgumentHelp(
        "Files to parse; - (or none, when standard input is not a terminal) reads standard input.",
        valueName: "file"))
    var inputs: [String] = []

    @Option(name: [.short, .long], help: "Output format: markdown, json, ndjson or text.")
    var format: OutputFormat = .markdown

    @Option(name: [.short, .long], help: ArgumentHelp(
        "Write to this file instead of standard output (- is standard output); never one of the inputs.",
        valueName: "file"))
    var output: String?

    @Option(help: "Files parsed at once when several are named (default: the number of cores).")
    var jobs: Int?

    @OptionGroup var rendering: RenderingOptions

    @OptionGroup var reading: ReadingOptions

    @OptionGroup var chattiness: Chattiness

    /// The command as plain values, which the front door also makes without argument-parser.
    var request: ParseRequest {
        ParseRequest(
            inputs: inputs, format: format, output: output, jobs: jobs, style: rendering.style,
            reading: reading.values, chattiness: chattiness.level)
    }

    func validate() throws { try request.validate() }

    func run() throws { try request.run() }
}

/// One run of `maqal parse`, as plain values: the files, how to read them and how to write them.
struct ParseRequest: Sendable {
    var inputs: [String]
    var format: OutputFormat
    var output: String?
    /// Files parsed at once; `nil` for one per core.
    var jobs: Int?
    var style: RenderingOptions.Style
    var reading: ReadingOptions.Values
    var chattiness: Chattiness.Level

    /// The files to read: `-` alone when none was named and standard input is a pipe or a file.
    private var sources: [String] { inputs.isEmpty ? ["-"] : inputs }

    func validate() throws {
        if inputs.isEmpty && isatty(STDIN_FILENO) == 1 {
            throw ValidationError("name a file to parse, or pipe one in (cat page.html | maqal)")
        }
        if sources.count > 1 && format == .json {
            throw ValidationError("several inputs need --format ndjson (one JSON document per line)")
        }
        if let jobs, !(1...1024).contains(jobs) { throw ValidationError("--jobs must be between 1 and 1024") }
        if sources.filter({ $0 == "-" }).count > 1 { throw ValidationError("standard input (-) can be read only once") }
        if let output, output != "-" { try Self.checkOutput(output, inputs: sources) }
    }

    /// Refuses an output that is a folder (that is `convert`'s job) or one of the inputs.
    private static func checkOutput(_ output: String, inputs: [String]) throws {
        if output.isEmpty { throw ValidationError("--output needs a file name, or - for standard output") }
        let target = BatchFileStatus(path: output)
        if target?.kind == .directory || output.hasSuffix("/") {
            throw ValidationError(
                "\(output) is a folder; to write one file per input into it use: maqal convert FILES -o \(output)")
        }
        guard let target else { return }
        for input in inputs where input != "-" {
            if BatchFileStatus(path: input)?.identity == target.identity {
                throw ValidationError("--output \(output) is the input \(input); it would be overwritten")
            }
        }
    }

    func run() throws {
        var failed = false
        let toFile = output.map { $0 != "-" } ?? false
        // To a file: collected and written whole. To stdout: each document as soon as it is ready,
        // in input order, so `| head` or `| jq` see results at once and memory stays flat.
        var rendered: [UInt8] = []
        var printed = 0
        func deliver(_ outcome: Outcome, of input: String) -> Bool {
            switch outcome.result {
            case .success(.utf8(let bytes)):
                // JSON needs no separator between documents.
                if let note = outcome.note { Console.error(note) }
                printed += 1
                if toFile {
                    rendered += bytes
                } else if !Console.tryOut(bytes) {
                    return false
                }
            case .success(.text(var text)):
                if let note = outcome.note { Console.error(note) }
                if sources.count > 1 { text = Self.separated(text, from: input, format: format, first: printed == 0) }
                printed += 1
                if toFile {
                    rendered += text.utf8
                } else if !Console.tryOut(text) {
                    return false
                }
            case .failure(let failure):
                failed = true
                Console.error("maqal: \(input): \(failure.message)")
            }
            return true
        }
        let stayed: Bool
        if sources.count == 1, !toFile, let compact = style.jsonCompact(format) {
            // One JSON document to stdout goes out in pieces as it is written, so a large page's
            // output is never whole in memory (nor copied to a String, nor again for the line feed).
            do {
                let document = try InputFile.parse(sources[0], options: reading.parseOptions)
                if let note = chattiness.describe(document, input: sources[0], warningsByDefault: true) { Console.error(note) }
                JSONRenderer.write(document, compact: compact, newline: true) { Console.out($0) }
            } catch {
                failed = true
                Console.error("maqal: \(sources[0]): \(error.message)")
            }
            stayed = true
        } else if sources.count == 1 {
            stayed = deliver(outcome(for: sources[0]), of: sources[0])
        } else {
            stayed = parseAll(deliver)
        }
        // EPIPE: the reader went away (`| head`); stop like other Unix tools do.
        if !stayed { Foundation.exit(0) }
        if toFile, let output {
            do {
                try OutputFile.write(rendered, to: output)
            } catch {
                Console.error("maqal: \(output): cannot write: \(error.localizedDescription)")
                throw ExitCode.failure
            }
        }
        if failed { throw ExitCode.failure }
    }

    /// What one input came to: what standard error says about it, and its rendered text or why it failed.
    struct Outcome: Sendable {
        var note: String?
        var result: Result<RenderedDocument, InputFile.Failure>
    }

    /// Reads, parses and renders one input; safe to run on any thread.
    private func outcome(for input: String) -> Outcome {
        do {
            let document = try InputFile.parse(input, options: reading.parseOptions)
            let note = chattiness.describe(document, input: input, warningsByDefault: true)
            return Outcome(note: note, result: .success(style.output(document, as: format)))
        } catch {
            return Outcome(note: nil, result: .failure(error))
        }
    }

    /// Several inputs parsed on every core, handed to `deliver` in input order; false once
    /// `deliver` says the reader has gone.
    ///
    /// A page costs milliseconds and the inputs are independent, so one after another left all
    /// cores but one idle. The window bounds the documents held at once (parsed ahead of the one
    /// being written) to a few per core, as `maqal records` does, so memory stays flat however many
    /// files are named.
    private func parseAll(_ deliver: @escaping (Outcome, String) -> Bool) -> Bool {
        let jobs = min(self.jobs ?? ProcessInfo.processInfo.activeProcessorCount, sources.count)
        let window = OrderedWindow<(Outcome, String)>(jobs: jobs, timeout: nil) { deliver($0.0, $0.1) }
        for input in sources {
            let work: @Sendable () -> (Outcome, String) = { [self] in (outcome(for: input), input) }
            guard window.submit(.init(work: work, timeoutAnswer: work)) else { break }
        }
        return window.finish()
    }

    /// One of several documents in Markdown or text, after a line that names its input.
    ///
    /// pandoc reads several inputs as one document and `head` marks each file with `==> name <==`;
    /// so several articles make one stream a person can read (each starts at its own title, a
    /// Markdown renderer hides the comment) and a script can split back into what a run per file
    /// prints, front matter included. NDJSON needs no marker: a line is a document.
    static func separated(_ text: String, from input: String, format: OutputFormat, first: Bool) -> String {
        let name = String(input.map { $0.isNewline ? "?" : $0 })
        switch format {
        case .markdown:
            let comment = name.replacingOccurrences(of: "--", with: "- -")
            return (first ? "" : "\n") + "<!-- maqal: \(comment) -->\n\n" + text
        case .text:
            return (first ? "" : "\n") + "==> \(name) <==\n\n" + text
        case .json, .ndjson:
            return text
        }
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

    var markdown: MarkdownRenderer.Options { style.markdown }

    /// The options as plain values, as argument-parser read them.
    var style: Style { Style(compact: compact, frontMatter: frontMatter, rtlMarks: rtlMarks) }

    /// One document in `format`; JSON and NDJSON end in a newline.
    func render(_ document: Document, as format: OutputFormat) -> String { style.render(document, as: format) }

    /// The rendering options as plain values, so the front door can make them without argument-parser.
    struct Style: Sendable {
        var compact = false
        var frontMatter = false
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

        /// For JSON and NDJSON, whether the JSON is on one line; `nil` for the other formats.
        func jsonCompact(_ format: OutputFormat) -> Bool? {
            switch format {
            case .json: compact
            case .ndjson: true
            case .markdown, .text: nil
            }
        }

        /// One document in `format` as it is written: JSON and NDJSON as UTF-8 bytes ending in a
        /// newline (never a `String` of the whole output), the others as text.
        func output(_ document: Document, as format: OutputFormat) -> RenderedDocument {
            if let compact = jsonCompact(format) { return .utf8(JSONRenderer.utf8(document, compact: compact, newline: true)) }
            return .text(render(document, as: format))
        }
    }

    /// ``Style/output(_:as:)`` with these options.
    func output(_ document: Document, as format: OutputFormat) -> RenderedDocument { style.output(document, as: format) }
}

/// A rendered document, in the form its renderer made it.
enum RenderedDocument: Sendable {
    case text(String)
    case utf8([UInt8])
}
