import ArgumentParser
import Foundation
import Maqal

/// `maqal convert`: folders of saved articles → a mirrored folder of Markdown, JSON or text.
struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert folders of saved articles into a mirrored folder of Markdown, JSON or text.",
        discussion: """
            Folders are walked for .html, .htm, .xhtml, .txt, .mhtml, .mht, .webarchive and .html.gz files \
            (hidden names skipped, a saved page's name_files folder left to its page, links followed only \
            inside the inputs); in/a/b.html becomes DIR/a/b.md (.json, .txt), or in/a/b.md with --beside, \
            which never replaces a file maqal did not write. A file named twice (itself and in its folder) \
            is converted once. Files are converted on all \
            cores and each output is written whole or not at all. An output newer than its input and written \
            by the same maqal version and options is skipped; --force converts it again. One bad file never \
            stops the rest: it is counted, named in the summary on stderr and in the --report. Ctrl-C stops \
            cleanly after the files in flight (exit 130). Exit status: 0 all converted or skipped, 1 some \
            failed, 2 usage.

            Examples:
              maqal convert saved/ -o converted/
              maqal convert saved/ --beside
              maqal convert saved/ old.html -o out/ --format json --report report.jsonl
              maqal convert saved/ -o out/ --exclude 'drafts/*' --include '*.xml' --jobs 2
              maqal convert saved/ --format ndjson -o - | jq -r .metadata.title
            """)

    @Argument(help: ArgumentHelp("Files and folders to convert.", valueName: "input"))
    var inputs: [String] = []

    @Option(name: [.customShort("o"), .customLong("output-dir")], help: ArgumentHelp(
        "The folder to write into (made if missing); - streams NDJSON to standard output.", valueName: "dir"),
        completion: .directory)
    var outputDir: String?

    @Flag(help: "Write each output beside its input (x.html → x.md) instead of into --output-dir.")
    var beside = false

    @Option(name: [.short, .long], help: "Output format: markdown, json, text, or ndjson (with -o -).")
    var format: OutputFormat = .markdown

    @Option(name: [.short, .long], help: "Files converted at once (default: the number of cores).")
    var jobs: Int?

    @Option(name: .customLong("include"), help: ArgumentHelp(
        "Also convert files (or enter hidden folders) matching this glob; repeatable. A glob with a / is "
            + "matched against the path inside the input, one without against the name.",
        valueName: "glob"))
    var includes: [String] = []

    @Option(name: .customLong("exclude"), help: ArgumentHelp(
        "Skip files and folders matching this glob; repeatable, and stronger than --include.", valueName: "glob"))
    var excludes: [String] = []

    @Flag(help: "Convert outputs again even when they are up to date.")
    var force = false

    @Flag(name: .customLong("fail-fast"), help: "Stop at the first file that fails.")
    var failFast = false

    @Option(help: ArgumentHelp(
        "Write one JSON line per input (path, status, output, encoding, title, words, milliseconds, error).",
        valueName: "file"))
    var report: String?

    @OptionGroup var chattiness: Chattiness

    @OptionGroup var rendering: RenderingOptions

    @OptionGroup var reading: ReadingOptions

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("name the files and folders to convert") }
        if let jobs, !(1...1024).contains(jobs) { throw ValidationError("--jobs must be between 1 and 1024") }
        if report == "-" { throw ValidationError("--report needs a file: standard output carries results only") }
        if inputs.contains("-") {
            throw ValidationError("convert reads files and folders; for standard input use: maqal parse -")
        }
        guard let outputDir else {
            if beside {
                if format == .ndjson { throw ValidationError("--format ndjson streams to standard output: use -o -") }
                return
            }
            throw ValidationError("say where outputs go: -o DIR (a mirrored folder), --beside, or -o - with -f ndjson")
        }
        if beside { throw ValidationError("--beside and --output-dir \(outputDir) contradict each other; choose one") }
        if outputDir.isEmpty { throw ValidationError("--output-dir needs a folder, or - for standard output") }
        if outputDir == "-" && format != .ndjson {
            throw ValidationError("-o - streams to standard output and needs --format ndjson (one document per line)")
        }
        if outputDir != "-" && format == .ndjson {
            throw ValidationError(
                "--format ndjson streams to standard output: use -o -, or --format json for one file per input")
        }
    }

    func run() throws {
        let parseOptions = reading.parseOptions
        // The report first: a report that cannot be written is a usage error, found before any output is.
        var batchReport: BatchReport?
        if let report {
            do {
                batchReport = try BatchReport(path: report)
            } catch {
                Console.error("maqal: --report \(report): \(error.message)")
                throw ExitCode(2)
            }
        }
        let destination: ConvertRun.Destination
        do {
            destination = try makeDestination()
        } catch {
            batchReport?.discard()
            throw error
        }
        let quiet = chattiness.quiet
        let showsProgress = !quiet && isatty(STDERR_FILENO) == 1
        let tally = BatchTally(
            report: batchReport, showsProgress: showsProgress, quiet: quiet, failFast: failFast,
            verbose: chattiness.verbose, plainTerminal: Self.isDumbTerminal)
        let run = ConvertRun(
            inputs: inputs, filter: BatchFilter(includes: includes, excludes: excludes), destination: destination,
            format: format, rendering: rendering, parseOptions: parseOptions,
            jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, force: force,
            marker: BatchMarker(settings: settings(parseOptions)), chattiness: chattiness)
        let status = run.run(tally: tally)
        if status != 0 { throw ExitCode(status) }
    }

    /// Makes `path` and the folders above it; the system's reason when that fails.
    private static func makeFolder(_ path: String) -> String? {
        var folder = ""
        for (index, part) in path.split(separator: "/", omittingEmptySubsequences: false).enumerated() {
            folder = index == 0 ? String(part) : folder + "/" + part
            if part.isEmpty || part == "." || mkdir(folder, 0o777) == 0 { continue }
            let reason = errno
            if reason == EEXIST, BatchFileStatus(path: folder)?.kind == .directory { continue }
            // A file in the way above the last part: the next mkdir says why ("Not a directory").
            if reason == EEXIST && folder.count < path.count { continue }
            return reason == EEXIST ? "\(folder) exists and is not a folder" : InputFile.reason(reason)
        }
        return nil
    }

    /// What an output depends on besides its input: every reading and rendering option that can change it.
    private func settings(_ parseOptions: ParseOptions) -> String {
        var shaping = parseOptions
        // The size limit decides whether a file is read, never what its output says.
        shaping.maxBytes = 0
        return ["maqal \(Maqal.version)", format.rawValue, "\(shaping)", "\(rendering.markdown)",
            "compact: \(rendering.compact)"].joined(separator: "\n")
    }

    /// `TERM=dumb` (Emacs shells, some CI logs): a terminal that draws no escape codes.
    static var isDumbTerminal: Bool { ProcessInfo.processInfo.environment["TERM"] == "dumb" }

    /// The output folder, made if missing, with its links resolved; refuses one that holds an input.
    private func makeDestination() throws -> ConvertRun.Destination {
        guard let outputDir else { return .beside }
        if outputDir == "-" { return .standardOutput }
        let existed = FileManager.default.fileExists(atPath: outputDir)
        if let problem = Self.makeFolder(outputDir) {
            Console.error("maqal: \(outputDir): cannot make the output folder: \(problem)")
            throw ExitCode.failure
        }
        guard let real = BatchFileStatus.realPath(outputDir), let status = BatchFileStatus(path: real),
            status.kind == .directory
        else {
            Console.error("maqal: \(outputDir): is not a folder")
            throw ExitCode.failure
        }
        // Writing into an input could overwrite it, and the next walk would convert our own outputs.
        for input in inputs {
            guard let inputReal = BatchFileStatus.realPath(input), BatchFileStatus.isInside(inputReal, real) else {
                continue
            }
            if !existed { rmdir(real) }
            throw ValidationError(
                "the input \(input) lies inside the output folder \(outputDir); choose an --output-dir outside it")
        }
        return .folder(real: real, shown: outputDir, identity: status.identity)
    }
}
