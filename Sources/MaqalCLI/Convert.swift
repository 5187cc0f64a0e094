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
            inside the inputs); in/a/b.html becomes DIR/a/b.md (.json, .txt). Files are converted on all \
            cores and each output is written whole or not at all. An output newer than its input and written \
            by the same maqal version and options is skipped; --force converts it again. One bad file never \
            stops the rest: it is counted, named in the summary on stderr and in the --report. Ctrl-C stops \
            cleanly after the files in flight (exit 130). Exit status: 0 all converted or skipped, 1 some \
            failed, 2 usage.

            Examples:
              maqal convert saved/ -o converted/
              maqal convert saved/ old.html -o out/ --format json --report report.jsonl
              maqal convert saved/ -o out/ --exclude 'drafts/*' --include '*.xml' --jobs 2
              maqal convert saved/ --format ndjson -o - | jq -r .metadata.title
            """)

    @Argument(help: ArgumentHelp("Files and folders to convert.", valueName: "input"))
    var inputs: [String] = []

    @Option(name: [.customShort("o"), .customLong("output-dir")], help: ArgumentHelp(
        "The folder to write into (made if missing); - streams NDJSON to standard output.", valueName: "dir"))
    var outputDir: String

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

    @Flag(name: [.short, .long], help: "No progress line and no summary; failures are still named.")
    var quiet = false

    @OptionGroup var rendering: RenderingOptions

    @OptionGroup var reading: ReadingOptions

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("name the files and folders to convert") }
        if inputs.contains("-") {
            throw ValidationError("convert reads files and folders; for standard input use: maqal parse -")
        }
        if outputDir.isEmpty { throw ValidationError("--output-dir needs a folder, or - for standard output") }
        if outputDir == "-" && format != .ndjson {
            throw ValidationError("-o - streams to standard output and needs --format ndjson (one document per line)")
        }
        if outputDir != "-" && format == .ndjson {
            throw ValidationError(
                "--format ndjson streams to standard output: use -o -, or --format json for one file per input")
        }
        if let jobs, !(1...1024).contains(jobs) { throw ValidationError("--jobs must be between 1 and 1024") }
        if report == "-" { throw ValidationError("--report needs a file: standard output carries results only") }
    }

    func run() throws {
        let parseOptions = reading.parseOptions
        let destination = try makeDestination()
        var batchReport: BatchReport?
        if let report {
            do {
                batchReport = try BatchReport(path: report)
            } catch {
                Console.error("maqal: \(report): \(error.message)")
                throw ExitCode.failure
            }
        }
        let showsProgress = !quiet && isatty(STDERR_FILENO) == 1
        let tally = BatchTally(report: batchReport, showsProgress: showsProgress, quiet: quiet, failFast: failFast)
        let run = ConvertRun(
            inputs: inputs, filter: BatchFilter(includes: includes, excludes: excludes), destination: destination,
            format: format, rendering: rendering, parseOptions: parseOptions,
            jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, force: force,
            marker: BatchMarker(settings: settings(parseOptions)))
        let status = run.run(tally: tally, countAhead: showsProgress)
        if status != 0 { throw ExitCode(status) }
    }

    /// What an output depends on besides its input: every reading and rendering option that can change it.
    private func settings(_ parseOptions: ParseOptions) -> String {
        var shaping = parseOptions
        // The size limit decides whether a file is read, never what its output says.
        shaping.maxBytes = 0
        return ["maqal \(Maqal.version)", format.rawValue, "\(shaping)", "\(rendering.markdown)",
            "compact: \(rendering.compact)"].joined(separator: "\n")
    }

    /// The output folder, made if missing, with its links resolved; refuses one that holds an input.
    private func makeDestination() throws -> ConvertRun.Destination {
        if outputDir == "-" { return .standardOutput }
        let existed = FileManager.default.fileExists(atPath: outputDir)
        do {
            try FileManager.default.createDirectory(atPath: outputDir, withIntermediateDirectories: true)
        } catch {
            Console.error("maqal: \(outputDir): cannot make the output folder (is it a file, or not writable?)")
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
