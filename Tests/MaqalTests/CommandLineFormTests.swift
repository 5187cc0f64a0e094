import Foundation
import Testing

@testable import Maqal

/// The command line as jq, pandoc and head users expect it: standard input without `-`, `-o -`,
/// outputs that never replace inputs, `convert --beside`, clear reasons, help that fits a terminal.
@Suite("Command line forms", .serialized)
struct CommandLineFormTests {
    let binary = ConvertSupport.binary
    let oats = TestSupport.fixtures.appendingPathComponent("text/02-crlf-bom-oats-health.txt").path
    let clocks = TestSupport.fixtures.appendingPathComponent("text/01-ordinal-headings-water-clocks.txt").path

    static let page = "<html><head><title>عنوان الصفحة</title></head><body><article><h1>عنوان الصفحة</h1>"
        + "<p>هذه فقرة أولى من المقال تكفي لتكون نصاً، وفيها فواصل كثيرة، ونقطة في آخرها.</p></article></body></html>"

    /// A new folder holding `page.html` (``page``), and that file.
    static func pageInFolder(_ label: String) throws -> (folder: URL, page: URL) {
        let folder = try ConvertSupport.temporaryFolder(label)
        let input = folder.appendingPathComponent("page.html")
        try ArticleTree.write(page, to: input)
        return (folder, input)
    }

    // MARK: - Standard input and output

    @Test("no file and a pipe on stdin: stdin is read, as jq and pandoc do")
    func standardInputByDefault() throws {
        let result = try TestSupport.run(binary, ["--format", "json"], stdin: Data(Self.page.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        let document = try JSONDecoder().decode(Document.self, from: Data(result.stdout.utf8))
        #expect(document.source.name == "-")
        #expect(document.metadata.title == "عنوان الصفحة")
    }

    @Test("no file and a terminal on stdin: a usage error that says how to pipe, not a hang",
          .enabled(if: Terminal.script != nil, "util-linux script is missing: no terminal to test with"))
    func terminalInput() throws {
        let result = try Terminal.run(binary, ["--format", "text"])
        #expect(result.status == 2)
        #expect(result.output.contains("name a file to parse, or pipe one in"), "\(result.output)")
    }

    @Test("parse -o - writes to standard output, as convert -o - does")
    func outputDash() throws {
        let plain = try TestSupport.run(binary, [oats])
        let dashed = try TestSupport.run(binary, [oats, "-o", "-"])
        #expect(dashed.status == 0)
        #expect(dashed.stdout == plain.stdout && !dashed.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: "-"))
    }

    @Test("parse -o never overwrites one of its inputs (exit 2), and -o DIR points to convert")
    func outputRefusals() throws {
        let (folder, input) = try Self.pageInFolder("parse-out")
        defer { try? FileManager.default.removeItem(at: folder) }
        let link = folder.appendingPathComponent("same.html")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: input.path)
        for output in [input.path, link.path] {
            let result = try TestSupport.run(binary, [oats, input.path, "-f", "ndjson", "-o", output])
            #expect(result.status == 2)
            #expect(result.stderr.contains("is the input \(input.path); it would be overwritten"), "\(result.stderr)")
        }
        #expect(try String(contentsOf: input, encoding: .utf8) == Self.page)
        for target in [folder.path, folder.appendingPathComponent("new").path + "/"] {
            let toFolder = try TestSupport.run(binary, [input.path, "-o", target])
            #expect(toFolder.status == 2)
            #expect(toFolder.stderr.contains("is a folder; to write one file per input into it use: maqal convert"))
        }
    }

    // MARK: - Several documents in Markdown or text

    @Test("several files in Markdown or text: each after a line naming it; split, they are the one-file outputs",
          arguments: [["--front-matter"], ["--format", "text"], []])
    func severalDocuments(_ options: [String]) throws {
        let result = try TestSupport.run(binary, [oats, clocks] + options)
        #expect(result.status == 0)
        let isText = options.contains("text")
        let markers = [oats, clocks].map { isText ? "==> \($0) <==" : "<!-- maqal: \($0) -->" }
        let lines = result.stdout.components(separatedBy: "\n")
        let starts = markers.map { marker in lines.firstIndex(of: marker) }
        #expect(starts.allSatisfy { $0 != nil }, "\(result.stdout.prefix(200))")
        guard let first = starts[0], let second = starts[1] else { return }
        #expect(first == 0 && second > first)
        // Marker, blank line, the document (ending in a newline); a blank line before the next marker.
        let parts = [lines[(first + 2)..<(second - 1)].joined(separator: "\n") + "\n",
                     lines[(second + 2)...].joined(separator: "\n")]
        for (input, part) in zip([oats, clocks], parts) {
            let alone = try TestSupport.run(binary, [input] + options)
            #expect(part == alone.stdout, "\(input)")
        }
        if options == ["--front-matter"] {
            for part in parts { #expect(part.hasPrefix("---\ntitle: ")) }
        }
    }

    /// Whether python3 with PyYAML is there to read front matter as a YAML parser does.
    static let yamlReader: String? = {
        guard let python = TestSupport.which("python3"),
            (try? TestSupport.run(python, ["-c", "import yaml"]).status) == 0
        else { return nil }
        return python
    }()

    @Test("several files with --front-matter: each document's front matter is valid YAML",
          .enabled(if: yamlReader != nil, "python3 with yaml (python3-yaml) is missing"))
    func severalFrontMatters() throws {
        let python = try #require(Self.yamlReader)
        let result = try TestSupport.run(binary, [oats, clocks, "--front-matter"])
        let parts = result.stdout.components(separatedBy: "\n<!-- maqal: ").map { part in
            part.components(separatedBy: " -->\n\n").dropFirst().joined(separator: " -->\n\n")
        }
        #expect(parts.count == 2)
        for part in parts {
            let yaml = part.components(separatedBy: "\n---\n")[0].dropFirst(4)
            let script = "import sys, yaml; d = yaml.safe_load(sys.stdin.read()); sys.exit(0 if d['title'] else 1)"
            let result = try TestSupport.run(python, ["-c", script], stdin: Data(yaml.utf8))
            #expect(result.status == 0, "\(result.stderr)")
        }
    }

    // MARK: - --encoding and --normalize

    @Test("--encoding forced wrong: encoding.invalid-bytes with a count and a hint, also on stderr")
    func forcedEncoding() throws {
        let (folder, input) = try Self.pageInFolder("encoding")
        defer { try? FileManager.default.removeItem(at: folder) }
        // Arabic UTF-8 bytes read as ISO-8859-6: its undefined high bytes (0xA1-0xAB…) have no character.
        let expected = Self.page.utf8.filter { $0 >= 0x80 && !CodePage.iso88596.isDefined($0) }.count
        let result = try TestSupport.run(binary, [input.path, "--encoding", "iso-8859-6", "-f", "json"])
        #expect(result.status == 0)
        let document = try JSONDecoder().decode(Document.self, from: Data(result.stdout.utf8))
        let diagnostic = try #require(document.diagnostics.first { $0.id == "encoding.invalid-bytes" })
        #expect(expected > 0)
        #expect(diagnostic.message.hasPrefix("\(expected) byte sequences are invalid in iso-8859-6"))
        #expect(diagnostic.message.contains("detection reads the input as utf-8"))
        #expect(result.stderr.contains("warning: \(expected) byte sequences are invalid in iso-8859-6"))
        let quiet = try TestSupport.run(binary, [input.path, "--encoding", "iso-8859-6", "-q"])
        #expect(quiet.stderr.isEmpty && quiet.status == 0)
        let right = try TestSupport.run(binary, [input.path, "--encoding", "utf-8", "-f", "json"])
        #expect(!right.stdout.contains("encoding.invalid-bytes") && right.stderr.isEmpty)
    }

    @Test("--normalize is repeatable and merges; none is no step")
    func normalizeMerges() throws {
        let merged = try TestSupport.run(binary, [
            clocks, "-f", "json", "--normalize", "digits-ascii", "--normalize", "tatweel,diacritics",
        ])
        let document = try JSONDecoder().decode(Document.self, from: Data(merged.stdout.utf8))
        #expect(document.source.normalization == ["tatweel", "diacritics", "digits-ascii"])
        let none = try TestSupport.run(binary, [clocks, "--normalize", "none"])
        #expect(none.status == 0)
        #expect(none.stdout == (try TestSupport.run(binary, [clocks])).stdout)
    }

    @Test("contradictory --normalize names are a usage error naming both", arguments: [
        (["digits-ascii,digits-arabic"], "digits-ascii", "digits-arabic"),
        (["diacritics", "diacritics-keep-shadda"], "diacritics", "diacritics-keep-shadda"),
        (["search", "digits-arabic"], "search", "digits-arabic"),
        (["none", "tatweel"], "none", "tatweel"),
    ])
    func normalizeContradictions(_ lists: [String], _ one: String, _ other: String) throws {
        let arguments = lists.flatMap { ["--normalize", $0] }
        let result = try TestSupport.run(binary, [oats] + arguments)
        #expect(result.status == 2)
        #expect(result.stderr.contains("--normalize \(one) and \(other) contradict each other"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    // MARK: - Help, version, -q/-v

    @Test("maqal --help leads with the maqal FILE form and parse's options, in 80 columns")
    func topLevelHelp() throws {
        for arguments in [["--help"], ["-h"], ["help"]] {
            let help = try TestSupport.run(binary, arguments)
            #expect(help.status == 0)
            #expect(help.stdout.contains("USAGE: maqal [<file> ...] [<options>]"))
            for option in ["-f, --format <format>", "--front-matter", "--encoding", "--normalize", "-q, --quiet",
                           "maqal convert", "maqal article.html -f json", "cat page.html | maqal -f text"] {
                #expect(help.stdout.contains(option), "\(option)")
            }
            let long = help.stdout.split(separator: "\n").filter { $0.count > 80 }
            #expect(long.isEmpty, "\(long)")
        }
    }

    @Test("maqal help NAME: a command's help, or exit 2 for a name that is none")
    func helpName() throws {
        let known = try TestSupport.run(binary, ["help", "convert"])
        #expect(known.status == 0 && known.stdout.contains("--beside"))
        let unknown = try TestSupport.run(binary, ["help", "frobnicate"])
        #expect(unknown.status == 2)
        #expect(unknown.stdout.isEmpty)
        #expect(unknown.stderr.contains("no command named 'frobnicate'; the commands are: parse, convert, schema"))
    }

    @Test("-q and -v mean the same on every command; both at once is a usage error", arguments: [
        ["parse"], ["convert", "--beside"], ["schema"],
    ])
    func quietAndVerbose(_ command: [String]) throws {
        let (folder, input) = try Self.pageInFolder("chatty")
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputs = command == ["schema"] ? [] : [input.path]
        // convert --force converts again each time, so each run has something to say.
        let again = command[0] == "convert" ? ["--force"] : []
        let plain = try TestSupport.run(binary, command + inputs + again)
        let quiet = try TestSupport.run(binary, command + inputs + again + ["-q"])
        #expect(quiet.status == 0 && quiet.stderr.isEmpty, "\(quiet.stderr)")
        #expect(command[0] != "convert" || !plain.stderr.isEmpty, "convert has a summary that -q drops")
        let verbose = try TestSupport.run(binary, command + inputs + again + ["--verbose"])
        #expect(verbose.status == 0)
        if command != ["schema"] {
            let words = try Maqal.parse(Array(Self.page.utf8), name: input.path).stats.words
            let line = "maqal: \(input.path): html, utf-8 (sniffed), \(words) words"
            #expect(verbose.stderr.contains(line), "\(verbose.stderr)")
        }
        let both = try TestSupport.run(binary, command + inputs + ["-q", "-v"])
        #expect(both.status == 2)
        #expect(both.stderr.contains("--quiet and --verbose contradict each other"))
    }

    // MARK: - Links against <base href>

    @Test("links and images resolve against <base href>: absolute, protocol-relative, relative to the page")
    func baseHref() throws {
        func page(_ head: String) -> String {
            "<html><head><title>عنوان</title>\(head)</head><body><article><h1>عنوان</h1>"
                + "<p>فقرة أولى من المقال فيها <a href=\"next.html\">رابط</a> إلى صفحة أخرى، وفيها فواصل.</p>"
                + "<figure><img src=\"img/a.png\" alt=\"صورة\"><figcaption>صورة توضيحية</figcaption></figure>"
                + "</article></body></html>"
        }
        let cases: [(head: String, link: String, image: String)] = [
            ("<base href=\"https://a.example/x/\">", "https://a.example/x/next.html", "https://a.example/x/img/a.png"),
            ("<base href=\"//cdn.example/m/\">", "https://cdn.example/m/next.html", "https://cdn.example/m/img/a.png"),
            ("<link rel=\"canonical\" href=\"http://site.example/news/2024/item.html\"><base href=\"//cdn.example/m/\">",
             "http://cdn.example/m/next.html", "http://cdn.example/m/img/a.png"),
            ("<link rel=\"canonical\" href=\"https://site.example/news/2024/item.html\"><base href=\"../archive/\">",
             "https://site.example/news/archive/next.html", "https://site.example/news/archive/img/a.png"),
            ("<link rel=\"canonical\" href=\"https://site.example/news/item.html\"><base href=\"/static/\">",
             "https://site.example/static/next.html", "https://site.example/static/img/a.png"),
            ("<base href=\"../archive/\">", "next.html", "img/a.png"),
        ]
        for (head, link, image) in cases {
            let result = try TestSupport.run(binary, ["-", "-f", "json"], stdin: Data(page(head).utf8))
            let document = try JSONDecoder().decode(Document.self, from: Data(result.stdout.utf8))
            #expect(TestSupport.figures(document.body).map(\.src) == [image], "\(head)")
            #expect(result.stdout.contains("\"href\": \"\(link)\""), "\(head)")
        }
    }
}

/// `maqal convert` beside its inputs, with inputs named twice, and its reasons when it cannot write.
@Suite("Convert forms", .serialized)
struct ConvertFormTests {
    let binary = ConvertSupport.binary

    /// `in/a.html`, `in/b.txt`, `in/sub/c.html` in a new folder.
    static func tree() throws -> URL {
        let base = try ConvertSupport.temporaryFolder("forms")
        let input = base.appendingPathComponent("in")
        try ArticleTree.write(ArticleTree.html(ArticleTree.title(1)), to: input.appendingPathComponent("a.html"))
        try ArticleTree.write(ArticleTree.text(ArticleTree.title(2)), to: input.appendingPathComponent("b.txt"))
        try ArticleTree.write(ArticleTree.html(ArticleTree.title(3)), to: input.appendingPathComponent("sub/c.html"))
        return base
    }

    @Test("--beside writes x.md next to x.html; a re-run skips; its own outputs are never read as articles")
    func beside() throws {
        let base = try Self.tree()
        defer { try? FileManager.default.removeItem(at: base) }
        let input = base.appendingPathComponent("in")
        let first = try TestSupport.run(binary, ["convert", input.path, "--beside"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(try ConvertSupport.files(in: input) == ["a.html", "a.md", "b.txt", "b.md", "sub/c.html", "sub/c.md"])
        let markdown = try String(contentsOf: input.appendingPathComponent("sub/c.md"), encoding: .utf8)
        #expect(markdown.hasPrefix("# \(ArticleTree.title(3))"))
        let again = try TestSupport.run(binary, ["convert", input.path, "--beside"])
        #expect(again.stderr.contains("0 converted, 3 skipped, 0 failed (3 files)"), "\(again.stderr)")
        // Text outputs beside text inputs: a.txt and c.txt are written; b.txt would be its own input and is refused.
        let text = try TestSupport.run(binary, ["convert", input.path, "--beside", "-f", "text"])
        #expect(text.status == 1)
        #expect(text.stderr.contains("\(input.path)/b.txt: its output \(input.path)/b.txt is the input itself"))
        #expect(try String(contentsOf: input.appendingPathComponent("b.txt"), encoding: .utf8)
                == ArticleTree.text(ArticleTree.title(2)))
        // a.txt is maqal's output now: the next walk does not take it for an article.
        let textAgain = try TestSupport.run(binary, ["convert", input.path, "--beside", "-f", "text"])
        #expect(textAgain.stderr.contains("0 converted, 2 skipped, 1 failed (3 files)"), "\(textAgain.stderr)")
    }

    @Test("--beside never replaces a file maqal did not write")
    func besideKeepsOtherFiles() throws {
        let base = try Self.tree()
        defer { try? FileManager.default.removeItem(at: base) }
        let input = base.appendingPathComponent("in")
        let notes = input.appendingPathComponent("a.md")
        try ArticleTree.write("my own notes\n", to: notes)
        let result = try TestSupport.run(binary, ["convert", input.path, "--beside"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(notes.path) exists and was not written by maqal, so it is left alone"))
        #expect(try String(contentsOf: notes, encoding: .utf8) == "my own notes\n")
        #expect(FileManager.default.fileExists(atPath: input.appendingPathComponent("sub/c.md").path))
    }

    @Test("an input named twice (a file and its folder, a folder and its subfolder) is converted once")
    func namedTwice() throws {
        let base = try Self.tree()
        defer { try? FileManager.default.removeItem(at: base) }
        let input = base.appendingPathComponent("in")
        let out = base.appendingPathComponent("out")
        for arguments in [
            [input.path, input.appendingPathComponent("b.txt").path, input.appendingPathComponent("sub").path],
            [input.appendingPathComponent("sub/c.html").path, input.appendingPathComponent("sub").path, input.path],
        ] {
            try? FileManager.default.removeItem(at: out)
            let result = try TestSupport.run(binary, ["convert"] + arguments + ["-o", out.path])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr.contains("3 converted, 0 skipped, 0 failed (3 files)"), "\(result.stderr)")
            #expect(!result.stderr.contains("not followed"), "\(result.stderr)")
            #expect(try ConvertSupport.files(in: out).count == 3)
        }
    }

    @Test("a --report that cannot be written is exit 2 before anything is written")
    func badReport() throws {
        let base = try Self.tree()
        defer { try? FileManager.default.removeItem(at: base) }
        let out = base.appendingPathComponent("out")
        for report in [base.appendingPathComponent("missing/report.jsonl").path, base.path] {
            let result = try TestSupport.run(binary, [
                "convert", base.appendingPathComponent("in").path, "-o", out.path, "--report", report,
            ])
            #expect(result.status == 2)
            #expect(result.stderr.hasPrefix("maqal: --report \(report): "), "\(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: out.path), "no output folder was made")
        }
        let missing = try TestSupport.run(binary, [
            "convert", base.appendingPathComponent("in").path, "-o", out.path,
            "--report", base.appendingPathComponent("missing/report.jsonl").path,
        ])
        #expect(missing.stderr.contains("No such file or directory"), "the system's reason, not a guess")
    }

    @Test("errors name the system's reason: an output folder under a file is 'Not a directory'")
    func errnoReasons() throws {
        let base = try Self.tree()
        defer { try? FileManager.default.removeItem(at: base) }
        let file = base.appendingPathComponent("in/b.txt").path
        let result = try TestSupport.run(binary, ["convert", base.appendingPathComponent("in").path, "-o", file + "/out"])
        #expect(result.status == 1)
        #expect(result.stderr == "maqal: \(file)/out: cannot make the output folder: Not a directory\n")
        let parse = try TestSupport.run(binary, [file + "/x.html"])
        #expect(parse.stderr == "maqal: \(file)/x.html: no such file\n")
    }

    @Test("TERM=dumb: the progress line is redrawn without escape codes; other terminals get them",
          .enabled(if: Terminal.script != nil, "util-linux script is missing: no terminal to test with"))
    func dumbTerminal() throws {
        // Three folders of a hundred: long enough (about a second) for the progress line to be drawn.
        let tree = try ConvertSupport.bigTree()
        let folders = (1...3).map { tree.appendingPathComponent(ConvertSupport.bigTreeFile($0 * 100)).deletingLastPathComponent().path }
        for term in ["dumb", "xterm"] {
            let out = try ConvertSupport.temporaryFolder("dumb")
            defer { try? FileManager.default.removeItem(at: out) }
            let result = try Terminal.run(
                binary, ["convert"] + folders + ["-o", out.path, "--jobs", "1"], environment: ["TERM": term])
            #expect(result.status == 0)
            #expect(result.output.contains(" files · "), "a progress line was drawn: \(result.output.suffix(300))")
            #expect(result.output.contains("\u{1B}") == (term != "dumb"), "\(term)")
        }
    }
}
