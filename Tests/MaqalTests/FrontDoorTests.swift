import Foundation
import Testing

/// The front door (the hand-written reader of the common command lines) against the full parser:
/// every line of the table gives the same stdout, stderr, output file and exit status both ways, and
/// the table says which lines the front door takes, so neither route can drift unnoticed.
@Suite("Command lines, front door and full parser")
struct FrontDoorTests {
    /// One command line; `fast` when the front door takes it rather than handing it to the parser.
    struct Line: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        var fast: Bool
        var stdin: String? = nil

        var testDescription: String { (arguments.map { $0.isEmpty ? "''" : $0 } + [fast ? "(front door)" : "(parser)"]).joined(separator: " ") }
    }

    // Placeholders, filled in by `resolve`.
    static let t1 = "<text-1>", t2 = "<text-2>", h1 = "<html-1>", h2 = "<html-2>", h6 = "<html-6>"
    static let folder = "<folder>", out = "<out>"

    static let page = "<html><head><title>عنوان الصفحة</title></head><body><article><h1>عنوان الصفحة</h1>"
        + "<p>هذه فقرة أولى من المقال تكفي لتكون نصاً، وفيها فواصل كثيرة، ونقطة في آخرها.</p></article></body></html>"

    static let lines: [Line] = [
        Line(arguments: ["--version"], fast: true),
        Line(arguments: ["--help"], fast: true),
        Line(arguments: ["-h"], fast: true),
        Line(arguments: ["help"], fast: true),
        Line(arguments: [t1], fast: true),
        Line(arguments: [t1, "-f", "json"], fast: true),
        Line(arguments: ["parse", t1, "--format", "json"], fast: true),
        Line(arguments: [t1, "--format=json", "--compact"], fast: true),
        Line(arguments: [t1, "-f", "ndjson"], fast: true),
        Line(arguments: [t1, "-f", "text"], fast: true),
        Line(arguments: [t1, "-f", "markdown", "--front-matter"], fast: true),
        Line(arguments: [h1, "--rtl-marks"], fast: true),
        Line(arguments: [h1, "-f", "json", "--explain"], fast: true),
        Line(arguments: [h1, "--keep-data-images", "-f", "json"], fast: true),
        Line(arguments: [t1, t2, "-f", "ndjson"], fast: true),
        Line(arguments: [t1, t2], fast: true),
        Line(arguments: [t1, t2, "-f", "text"], fast: true),
        Line(arguments: [t1, "/nonexistent.txt", t2, "-f", "ndjson"], fast: true),
        Line(arguments: ["/nonexistent.txt"], fast: true),
        Line(arguments: [folder], fast: true),
        Line(arguments: [t1, "-q"], fast: true),
        Line(arguments: [t1, "--quiet"], fast: true),
        Line(arguments: [h6, "-v"], fast: true),
        Line(arguments: [h6, h1, "--verbose", "-f", "ndjson"], fast: true),
        Line(arguments: [t1, "--encoding", "windows-1256"], fast: true),
        Line(arguments: [t1, "--encoding=utf-8"], fast: true),
        Line(arguments: [t1, "--input-format", "html"], fast: true),
        Line(arguments: [h1, "--input-format", "text", "-f", "json", "--compact"], fast: true),
        Line(arguments: [t1, "--max-bytes", "100"], fast: true),
        Line(arguments: [t1, "--wpm", "60", "-f", "json"], fast: true),
        Line(arguments: [t1, t2, "--jobs", "1", "-f", "ndjson"], fast: true),
        Line(arguments: [t1, t2, h1, "--jobs=3"], fast: true),
        Line(arguments: [t1, "--wpm", "+60", "-f", "json"], fast: true),
        Line(arguments: [t1, "--normalize", "search"], fast: true),
        Line(arguments: [t1, "--normalize", "nfc,tatweel", "--normalize", "digits-ascii", "-f", "text"], fast: true),
        Line(arguments: [t1, "--normalize", "none"], fast: true),
        Line(arguments: [t1, "-o", "-"], fast: true),
        Line(arguments: [t1, "-o", out, "-f", "json"], fast: true),
        Line(arguments: [t1, t2, "--output", out, "-f", "ndjson"], fast: true),
        Line(arguments: ["-", "-f", "json"], fast: true, stdin: page),
        Line(arguments: ["-f", "text"], fast: true, stdin: page),
        Line(arguments: ["parse"], fast: true, stdin: page),
        Line(arguments: [], fast: true, stdin: page),
        Line(arguments: ["-", t1, "-f", "ndjson"], fast: true, stdin: page),
        Line(arguments: [t1, t2, "-q", "--front-matter", "--rtl-marks", "-f", "markdown"], fast: true),
        Line(arguments: [h1, h2, h6, "-f", "ndjson", "--explain"], fast: true),
        Line(arguments: [t1, "--input-format=auto", "--max-bytes=1000000", "--wpm=200", "--encoding", "utf-8", "-o", "-"],
             fast: true),
        // Usage errors: the front door hands them over, so the parser words them.
        Line(arguments: [t1, "-q", "-v"], fast: false),
        Line(arguments: [t1, "--encoding", "klingon"], fast: false),
        Line(arguments: [t1, "--input-format", "xml"], fast: false),
        Line(arguments: [t1, "--max-bytes", "0"], fast: false),
        Line(arguments: [t1, "--max-bytes", "0x10"], fast: false),
        Line(arguments: [t1, "--max-bytes", "-5"], fast: false),
        Line(arguments: [t1, "--wpm", "0"], fast: false),
        Line(arguments: [t1, t2, "--jobs", "0", "-f", "ndjson"], fast: false),
        Line(arguments: [t1, "--jobs", "two"], fast: false),
        Line(arguments: [t1, "--wpm"], fast: false),
        Line(arguments: [t1, "--normalize", "none,nfc"], fast: false),
        Line(arguments: [t1, "--normalize", "klingon"], fast: false),
        Line(arguments: [t1, "--normalize", "digits-ascii", "--normalize", "digits-arabic"], fast: false),
        Line(arguments: [t1, "-o", t1], fast: false),
        Line(arguments: [t1, "-o", folder], fast: false),
        Line(arguments: [t1, "-o", ""], fast: false),
        Line(arguments: [t1, "--output"], fast: false),
        Line(arguments: [t1, "--format"], fast: false),
        Line(arguments: [t1, "--format", "yaml"], fast: false),
        Line(arguments: [t1, "-fjson"], fast: false),
        Line(arguments: [t1, t2, "-f", "json"], fast: false),
        Line(arguments: ["-", "-"], fast: false, stdin: page),
        Line(arguments: [t1, "--bogus"], fast: false),
        Line(arguments: [t1, "--compact=yes"], fast: false),
        Line(arguments: [t1, ""], fast: false),
        // Lines the parser reads differently from how a quick reading would: left to it.
        Line(arguments: [t1, "-f=json"], fast: false),
        Line(arguments: [t1, "--", "-x"], fast: false),
        Line(arguments: [t1, "--quiet", "--quiet"], fast: false),
        Line(arguments: [t1, "--format", "json", "--format", "text"], fast: false),
        Line(arguments: [t1, "--version"], fast: false),
        Line(arguments: ["--version", "--version"], fast: false),
        Line(arguments: [t1, "-h"], fast: false),
        Line(arguments: ["parse", "--help"], fast: false),
        Line(arguments: ["parse", "parse"], fast: false),
        Line(arguments: [t1, "convert"], fast: false),
        Line(arguments: ["schema"], fast: false),
        Line(arguments: ["explain", h1], fast: false),
        Line(arguments: ["convert", t1, "-o", "-", "-f", "ndjson", "-q"], fast: false),
    ]

    static func resolve(_ argument: String, output: String) -> String {
        let fixtures = TestSupport.fixtures
        switch argument {
        case t1: return fixtures.appendingPathComponent("text/01-ordinal-headings-water-clocks.txt").path
        case t2: return fixtures.appendingPathComponent("text/02-crlf-bom-oats-health.txt").path
        case h1: return fixtures.appendingPathComponent("html/01-wordpress-news.html").path
        case h2: return fixtures.appendingPathComponent("html/02-blogger-post.html").path
        case h6: return fixtures.appendingPathComponent("html/06-mojibake.html").path
        case folder: return fixtures.appendingPathComponent("text").path
        case out: return output
        default: return argument
        }
    }

    struct Outcome: Equatable {
        var status: Int32
        var stdout: String
        var stderr: String
        /// What `-o FILE` left in the file, `nil` when none was written.
        var written: String?
    }

    static func run(_ line: Line, route: String?) throws -> Outcome {
        let output = FileManager.default.temporaryDirectory
            .appendingPathComponent("maqal-front-door-\(UUID().uuidString).out").path
        let arguments = line.arguments.map { resolve($0, output: output) }
        let result = try TestSupport.run(
            TestSupport.binary, arguments, stdin: line.stdin.map { Data($0.utf8) },
            environment: route.map { ["MAQAL_FRONT_DOOR": $0] } ?? [:])
        let written = try? String(contentsOfFile: output, encoding: .utf8)
        try? FileManager.default.removeItem(atPath: output)
        // The output file's name differs from run to run; the messages that name it are compared without it.
        func plain(_ text: String) -> String { text.replacingOccurrences(of: output, with: "<out>") }
        return Outcome(status: result.status, stdout: plain(result.stdout), stderr: plain(result.stderr), written: written)
    }

    @Test("the same stdout, stderr, output file and exit status by the front door and by the full parser",
          arguments: lines)
    func sameBothWays(_ line: Line) throws {
        let parser = try Self.run(line, route: "off")
        let usual = try Self.run(line, route: nil)
        #expect(usual == parser)
        let only = try Self.run(line, route: "only")
        if line.fast {
            #expect(only == parser, "the front door should take this line")
        } else {
            #expect(only.status == 3, "the front door should leave this line to the parser")
        }
    }

    static let helpFile = TestSupport.root.appendingPathComponent("Sources/MaqalCLI/TopLevelHelpText.swift")

    @Test("the stored maqal --help is what argument-parser writes")
    func storedHelp() throws {
        let written = try TestSupport.run(TestSupport.binary, ["--help"], environment: ["MAQAL_FRONT_DOOR": "off"])
        let stored = try TestSupport.run(TestSupport.binary, ["--help"])
        #expect(written.status == 0)
        if TestSupport.recording, try String(contentsOf: Self.helpFile, encoding: .utf8) != Self.source(written.stdout) {
            try Self.source(written.stdout).write(to: Self.helpFile, atomically: true, encoding: .utf8)
            Issue.record("rewrote TopLevelHelpText.swift: review the change (git diff), then build and test again")
            return
        }
        #expect(stored.stdout == written.stdout,
                "the stored help is stale: RECORD=1 swift test --filter FrontDoorTests/storedHelp rewrites it")
    }

    /// The Swift source of the stored help: the text as a raw multi-line literal.
    static func source(_ help: String) -> String {
        let body = help.hasSuffix("\n") ? String(help.dropLast()) : help
        return """
            // Written by `RECORD=1 swift test --filter FrontDoorTests/storedHelp` from what argument-parser
            // writes (`MAQAL_FRONT_DOOR=off maqal --help`); change the commands' help, not this.

            extension TopLevelHelp {
                /// `maqal --help` as ``text`` writes it.
                static let storedText = #\"\"\"
            \(body)
            \"\"\"# + "\(help.hasSuffix("\n") ? "\\n" : "")"
            }

            """
    }

    @Test("the table covers the common forms and the ones handed over")
    func tableSize() {
        #expect(Self.lines.count >= 60)
        #expect(Self.lines.filter(\.fast).count >= 30)
        #expect(Self.lines.filter { !$0.fast }.count >= 30)
    }
}
