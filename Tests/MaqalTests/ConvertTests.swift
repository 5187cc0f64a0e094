import Foundation
import Testing

@testable import Maqal

/// `maqal convert` run as a user runs it: a tree of awkward files in, a mirrored tree out.
@Suite("Convert", .serialized)
struct ConvertTests {
    let binary = ConvertSupport.binary

    @Test("a tree of a few hundred files: every output, the report, the summary, the exit code; then skips and redos")
    func convertTree() throws {
        let tree = try ArticleTree()
        defer { tree.remove() }
        let out = tree.base.appendingPathComponent("out")
        let report = tree.base.appendingPathComponent("report.jsonl")
        let arguments = ["convert", tree.root.path, "-o", out.path, "--jobs", "2", "--report", report.path]

        // First run: everything good converted, everything bad named with its reason.
        let first = try TestSupport.run(binary, arguments)
        #expect(first.status == 1, "some inputs are bad, so the run exits 1")
        #expect(first.stdout.isEmpty, "stdout carries results only, and convert writes files")
        let total = tree.articles.count + tree.failures.count
        #expect(first.stderr.contains("\(tree.articles.count) converted, 0 skipped, \(tree.failures.count) failed (\(total) files)"),
                "\(first.stderr)")
        #expect(first.stderr.contains("maqal: \(tree.path("broken/junk.html")): this is a binary file"))
        #expect(first.stderr.contains("not followed: 1 link into a folder already walked (a loop), 1 link leading outside the inputs"))
        #expect(!first.stderr.contains("\u{1B}["), "no progress line when stderr is not a terminal")

        // Exactly the mirrored outputs, nothing else (no temporary files, no outputs of hidden or bad files).
        let expected = Set(tree.articles.keys.map(ArticleTree.output))
        #expect(try ConvertSupport.files(in: out) == expected)
        for (input, title) in tree.articles {
            let markdown = try String(contentsOf: out.appendingPathComponent(ArticleTree.output(input)), encoding: .utf8)
            #expect(markdown.hasPrefix("# \(title)\n"), "\(input)")
            #expect(markdown.contains(ArticleTree.paragraph(title)), "\(input)")
            let mark = ConvertSupport.mark(of: out.appendingPathComponent(ArticleTree.output(input)))
            #expect(mark?.hasPrefix("maqal \(Maqal.version) ") == true, "\(input) carries its up-to-date mark")
        }

        // The report: one JSON line per input, with the fields the issue lists.
        let lines = try ConvertSupport.report(report)
        #expect(lines.count == total)
        var seen: Set<String> = []
        for line in lines {
            let path = try #require(line["path"] as? String)
            let relative = tree.relative(path)
            seen.insert(relative)
            for key in ["path", "status", "output", "encoding", "title", "words", "milliseconds", "error"] {
                #expect(line.keys.contains(key), "\(key) in \(relative)")
            }
            #expect(line["milliseconds"] as? Double != nil)
            if let title = tree.articles[relative] {
                #expect(line["status"] as? String == "converted", "\(relative): \(line)")
                #expect(line["title"] as? String == title)
                #expect((line["words"] as? Int ?? 0) > 10)
                #expect(line["output"] as? String == out.appendingPathComponent(ArticleTree.output(relative)).path)
                #expect(line["error"] is NSNull)
                let encoding = tree.legacy.contains(relative) ? "windows-1256" : "utf-8"
                #expect(line["encoding"] as? String == encoding, "\(relative)")
            } else if let reason = tree.failures[relative] {
                #expect(line["status"] as? String == "failed", "\(relative)")
                #expect((line["error"] as? String)?.contains(reason) == true, "\(relative): \(line)")
                #expect(line["output"] is NSNull)
            } else {
                Issue.record("the report names \(relative), which is no input")
            }
        }
        #expect(seen.count == total, "each input once")

        // Second run: nothing to do, outputs untouched.
        let sample = out.appendingPathComponent(ArticleTree.output("notes/topic-3/note-4.txt"))
        let written = try ConvertSupport.modified(sample)
        let second = try TestSupport.run(binary, arguments)
        #expect(second.status == 1)
        #expect(second.stderr.contains("0 converted, \(tree.articles.count) skipped, \(tree.failures.count) failed"), "\(second.stderr)")
        #expect(try ConvertSupport.modified(sample) == written)
        #expect(try ConvertSupport.report(report).filter { $0["status"] as? String == "converted" }.isEmpty)

        // An output cut short after it was written (a crash before its bytes reached the disk, an
        // editor) still carries its mark, but not its size: it alone is redone, whole again.
        let whole = try Data(contentsOf: sample)
        let cut = try FileHandle(forWritingTo: sample)
        try cut.truncate(atOffset: 0)
        try cut.close()
        let cutRun = try TestSupport.run(binary, arguments)
        #expect(cutRun.stderr.contains("1 converted, \(tree.articles.count - 1) skipped"), "\(cutRun.stderr)")
        #expect(try Data(contentsOf: sample) == whole)

        // Third run after one input changed: only it is redone.
        let touched = tree.root.appendingPathComponent("legacy/page-3.htm")
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(5)], ofItemAtPath: touched.path)
        let third = try TestSupport.run(binary, arguments)
        #expect(third.stderr.contains("1 converted, \(tree.articles.count - 1) skipped"), "\(third.stderr)")
        let redone = try ConvertSupport.report(report).filter { $0["status"] as? String == "converted" }
        #expect(redone.map { $0["path"] as? String } == [touched.path])

        // Other options make other outputs: all redone; --force redoes the same options.
        let frontMatter = try TestSupport.run(binary, arguments + ["--front-matter"])
        #expect(frontMatter.stderr.contains("\(tree.articles.count) converted, 0 skipped"), "\(frontMatter.stderr)")
        #expect(try String(contentsOf: sample, encoding: .utf8).hasPrefix("---\ntitle: "))
        let forced = try TestSupport.run(binary, arguments + ["--front-matter", "--force", "--quiet"])
        #expect(forced.status == 1)
        #expect(!forced.stderr.contains("converted"), "--quiet leaves only the failures")
        #expect(forced.stderr.contains("maqal: \(tree.path("broken/empty.html")): the input is empty"))
        #expect(try ConvertSupport.report(report).filter { $0["status"] as? String == "converted" }.count
                == tree.articles.count)
        let legacyInputs = try ConvertSupport.files(in: tree.root.appendingPathComponent("legacy"))
        #expect(legacyInputs.count == 40 && legacyInputs.allSatisfy { !$0.contains(".maqal-") }, "inputs untouched")
    }

    @Test("Ctrl-C: stops after the files in flight, leaves no partial or temporary file, exits 130")
    func interrupt() throws {
        let tree = try ConvertSupport.bigTree()
        let base = try ConvertSupport.temporaryFolder("interrupt")
        defer { try? FileManager.default.removeItem(at: base) }
        let out = base.appendingPathComponent("out")
        let report = base.appendingPathComponent("report.jsonl")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["convert", tree.path, "-o", out.path, "--format", "json", "--jobs", "2", "--report", report.path]
        let errorFile = base.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: errorFile)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // Interrupt once work is under way, as a person pressing Ctrl-C would.
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning && Date() < deadline {
            if (try? ConvertSupport.files(in: out).count) ?? 0 >= 100 { break }
            usleep(5_000)
        }
        guard process.isRunning else {
            Issue.record("the run finished before it could be interrupted; make the tree larger")
            return
        }
        process.interrupt()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 130)
        let stderr = try String(contentsOf: errorFile, encoding: .utf8)
        #expect(stderr.contains("interrupted (SIGINT)"), "\(stderr)")

        let outputs = try ConvertSupport.files(in: out)
        #expect(outputs.count < ConvertSupport.bigTreeSize, "it stopped early")
        #expect(outputs.allSatisfy { $0.hasSuffix(".json") && !$0.contains(".maqal-") }, "no temporary files")
        for output in outputs {
            let data = try Data(contentsOf: out.appendingPathComponent(output))
            #expect((try? JSONSerialization.jsonObject(with: data)) != nil, "\(output) is whole")
        }
        let lines = try ConvertSupport.report(report)
        #expect(lines.count == outputs.count, "the report is whole and lists what was converted")
        // The files left are counted exactly (the counting walk has the total), not only those queued.
        let left = ConvertSupport.bigTreeSize - outputs.count
        #expect(stderr.contains("after \(outputs.count) files; \(left) more were not converted"), "\(stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: base.path).sorted() == ["out", "report.jsonl", "stderr"])
    }

    @Test("the output folder inside an input folder is never walked")
    func outputInsideInput() throws {
        let base = try ConvertSupport.temporaryFolder("inside")
        defer { try? FileManager.default.removeItem(at: base) }
        for number in 1...3 {
            try ArticleTree.write(ArticleTree.text(ArticleTree.title(number)), to: base.appendingPathComponent("in/n\(number).txt"))
        }
        let input = base.appendingPathComponent("in")
        let out = input.appendingPathComponent("converted")
        for format in ["markdown", "text", "text"] {
            let result = try TestSupport.run(binary, ["convert", input.path, "-o", out.path, "-f", format])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr.contains("(3 files)"), "\(result.stderr)")
        }
        #expect(try ConvertSupport.files(in: input) == [
            "converted/n1.md", "converted/n1.txt", "converted/n2.md", "converted/n2.txt", "converted/n3.md",
            "converted/n3.txt", "n1.txt", "n2.txt", "n3.txt",
        ])
        // An input inside the output folder is refused: its outputs could overwrite it.
        let refused = try TestSupport.run(binary, ["convert", input.path, "-o", base.path])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("inside the output folder"))
    }

    @Test("usage errors exit 2 and name the problem", arguments: [
        ["x"], ["x", "-o", "-"], ["x", "-o", "out", "--format", "ndjson"], ["x", "-o", "out", "--jobs", "0"],
        ["-", "-o", "out"], ["-o", "out"], ["x", "-o", "out", "--report", "-"], ["x", "--beside", "-o", "out"],
        ["x", "--beside", "-f", "ndjson"],
    ])
    func usage(_ arguments: [String]) throws {
        let result = try TestSupport.run(binary, ["convert"] + arguments)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stdout.isEmpty && !result.stderr.isEmpty)
    }
}

extension ConvertTests {
    /// NDJSON through pipes: one self-contained document a line, stdout for results only, quiet on a closed pipe.
    @Suite("Pipes")
    struct Pipes {
        let binary = ConvertSupport.binary

        @Test("convert -f ndjson -o -: every line parses, names its source and validates against the schema")
        func ndjsonValidates() throws {
            let tree = try ArticleTree()
            defer { tree.remove() }
            let result = try TestSupport.run(binary, ["convert", tree.root.path, "-f", "ndjson", "-o", "-", "-j", "2"])
            #expect(result.status == 1, "the bad files still fail")
            // No output files, so no output names to collide: both dup files are documents here.
            let expected = tree.articles.merging(tree.collided) { first, _ in first }
            let lines = result.stdout.split(separator: "\n")
            #expect(lines.count == expected.count)
            var names: Set<String> = []
            for line in lines {
                let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                let source = try #require(object["source"] as? [String: Any])
                let name = try #require(source["name"] as? String)
                names.insert(tree.relative(name))
                let metadata = try #require(object["metadata"] as? [String: Any])
                #expect(metadata["title"] as? String == expected[tree.relative(name)], "\(name)")
            }
            #expect(names.symmetricDifference(expected.keys).isEmpty, "every article once, nothing else")
            #expect(result.stderr.contains("\(expected.count) converted"), "the summary is on stderr")

            guard let python = TestSupport.which("python3") else {
                Issue.record("python3 is missing: the schema check needs it (make test-deps installs jsonschema)")
                return
            }
            let schema = try TestSupport.run(binary, ["schema"])
            let schemaFile = tree.base.appendingPathComponent("schema.json")
            let documents = tree.base.appendingPathComponent("documents.ndjson")
            try schema.stdout.write(to: schemaFile, atomically: true, encoding: .utf8)
            try result.stdout.write(to: documents, atomically: true, encoding: .utf8)
            let script = """
                import json, sys
                from jsonschema import Draft202012Validator
                validator = Draft202012Validator(json.load(open(sys.argv[1])))
                count = bad = 0
                for line in open(sys.argv[2], encoding="utf-8"):
                    count += 1
                    for error in validator.iter_errors(json.loads(line)):
                        bad += 1
                        print(list(error.absolute_path), error.message[:200])
                print("validated", count, "documents")
                sys.exit(1 if bad else 0)
                """
            let validation = try TestSupport.run(python, ["-c", script, schemaFile.path, documents.path])
            #expect(validation.status == 0, "\(validation.stdout)\(validation.stderr)")
            #expect(validation.stdout.contains("validated \(expected.count) documents"))
        }

        @Test("convert ... -o - | head -1 ends quietly")
        func convertIntoHead() throws {
            let tree = try ConvertSupport.bigTree()
            let result = try ConvertSupport.pipeIntoHead(binary, ["convert", tree.path, "-f", "ndjson", "-o", "-"])
            #expect(result.status == 0 || result.status == 141, "exit \(result.status)")
            #expect(result.stderr.isEmpty, "no error spew: \(result.stderr)")
            let first = try JSONSerialization.jsonObject(with: Data(result.first.utf8)) as? [String: Any]
            #expect(first?["schema"] as? String == "maqal/1")
        }

        @Test("parse: several files and stdin, one line each, in input order, each with source.name")
        func parseInOrder() throws {
            let tree = try ConvertSupport.bigTree()
            let a = tree.appendingPathComponent(ConvertSupport.bigTreeFile(642)).path
            let b = tree.appendingPathComponent(ConvertSupport.bigTreeFile(1)).path
            let stdin = try Data(contentsOf: tree.appendingPathComponent(ConvertSupport.bigTreeFile(303)))
            let result = try TestSupport.run(binary, [a, "-", b, "--format", "ndjson"], stdin: stdin)
            #expect(result.status == 0 && result.stderr.isEmpty)
            let names = try result.stdout.split(separator: "\n").map { line in
                let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                return (object?["source"] as? [String: Any])?["name"] as? String
            }
            #expect(names == [a, "-", b])
        }

        @Test("parse many | head -1 ends quietly")
        func parseIntoHead() throws {
            let tree = try ConvertSupport.bigTree()
            let files = (1...400).map { tree.appendingPathComponent(ConvertSupport.bigTreeFile($0)).path }
            let result = try ConvertSupport.pipeIntoHead(binary, ["parse", "--format", "ndjson"] + files)
            #expect(result.status == 0 || result.status == 141, "exit \(result.status)")
            #expect(result.stderr.isEmpty, "no error spew: \(result.stderr)")
            #expect(result.first.contains("\"name\":\"\(files[0])\""))
        }
    }
}

// MARK: - Support

enum ConvertSupport {
    /// The `maqal` built in the same scratch path as this test bundle, so `swift test --scratch-path X`
    /// runs X's binary; `MAQAL_BINARY` overrides; otherwise the one ``TestSupport`` finds in `.build`.
    static let binary: String = {
        if let path = ProcessInfo.processInfo.environment["MAQAL_BINARY"] { return path }
        let beside = [Bundle.main.executableURL, URL(fileURLWithPath: CommandLine.arguments[0])].compactMap { $0 }
            .map { $0.resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("maqal").path }
        return beside.first { FileManager.default.isExecutableFile(atPath: $0) } ?? TestSupport.binary
    }()

    static func temporaryFolder(_ label: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("maqal-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Every regular file under `folder`, as paths relative to it.
    static func files(in folder: URL) throws -> Set<String> {
        var found: Set<String> = []
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return found }
        while let relative = enumerator.nextObject() as? String {
            let attributes = try? FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(relative).path)
            if attributes?[.type] as? FileAttributeType == .typeRegular { found.insert(relative) }
        }
        return found
    }

    static func report(_ url: URL) throws -> [[String: Any]] {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(line)")
        }
    }

    static func modified(_ url: URL) throws -> Date? {
        try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date
    }

    static func mark(of url: URL) -> String? {
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
        let marks = attributes?[FileAttributeKey("NSFileExtendedAttributes")] as? [String: Data]
        return marks?["user.maqal"].map { String(decoding: $0, as: UTF8.self) }
    }

    /// Runs `maqal ARGS | head -1` in bash and returns maqal's own exit status, its stderr and the line.
    static func pipeIntoHead(_ binary: String, _ arguments: [String]) throws -> (status: Int32, stderr: String, first: String) {
        let folder = try temporaryFolder("head")
        defer { try? FileManager.default.removeItem(at: folder) }
        let errors = folder.appendingPathComponent("stderr").path
        let first = folder.appendingPathComponent("first").path
        let quoted = ([binary] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let script = quoted.joined(separator: " ") + " 2>'\(errors)' | head -1 >'\(first)'; echo ${PIPESTATUS[0]}"
        let result = try TestSupport.run("/bin/bash", ["-c", script])
        let status = Int32(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
        return (status, try String(contentsOfFile: errors, encoding: .utf8), try String(contentsOfFile: first, encoding: .utf8))
    }

    static let bigTreeSize = 3000

    /// `d07/n0642.txt`: the big tree's files, 100 a folder.
    static func bigTreeFile(_ number: Int) -> String {
        let folder = String(number / 100 + 1)
        let name = String(number)
        return "d" + String(repeating: "0", count: 2 - folder.count) + folder + "/n"
            + String(repeating: "0", count: 4 - name.count) + name + ".txt"
    }

    /// A read-only tree of a few thousand small text articles, made once per test run.
    static func bigTree() throws -> URL {
        try bigTreeOnce.get()
    }

    private static var bigTreeRoot: URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("maqal-big-tree-\(getpid())")
    }

    private static let bigTreeOnce: Result<URL, any Error> = Result {
        let root = bigTreeRoot
        try? FileManager.default.removeItem(at: root)
        // Shared by several tests, so it goes when the test process ends.
        atexit { try? FileManager.default.removeItem(at: ConvertSupport.bigTreeRoot) }
        for number in stride(from: 0, through: bigTreeSize, by: 100) {
            let folder = root.appendingPathComponent(bigTreeFile(number)).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        for number in 1...bigTreeSize {
            let path = root.appendingPathComponent(bigTreeFile(number)).path
            let text = ArticleTree.text(ArticleTree.title(number))
            guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
            }
        }
        return root
    }
}

/// A temporary tree of saved articles with every awkward case the issue names, and what each should become.
struct ArticleTree {
    let base: URL
    /// The input folder.
    let root: URL
    /// Input path inside `root` → its title: the files that must convert.
    private(set) var articles: [String: String] = [:]
    /// The articles stored in windows-1256.
    private(set) var legacy: Set<String> = []
    /// Input path inside `root` → words its failure reason holds.
    private(set) var failures: [String: String] = [:]
    /// Articles whose output name another input took first (they fail in a folder, not on stdout) → title.
    private(set) var collided: [String: String] = [:]

    init() throws {
        base = try ConvertSupport.temporaryFolder("tree")
        root = base.appendingPathComponent("in")
        func add(_ path: String, _ content: String, windows1256: Bool = false) throws {
            let title = Self.titleOf(content)
            if windows1256 {
                try Self.write(try #require(CodePage.windows1256.encode(content)), to: root.appendingPathComponent(path))
                legacy.insert(path)
            } else {
                try Self.write(content, to: root.appendingPathComponent(path))
            }
            articles[path] = title
        }
        var number = 0
        func next() -> String {
            number += 1
            return Self.title(number)
        }
        for year in [2023, 2024] {
            for month in 1...5 {
                for article in 1...12 {
                    try add("news/\(year)/0\(month)/article-\(article).html", Self.html(next(), charset: "utf-8"))
                }
            }
        }
        for page in 1...30 { try add("legacy/page-\(page).htm", Self.html(next()), windows1256: true) }
        for page in 1...10 {
            try add("legacy/declared-\(page).html", Self.html(next(), charset: "windows-1256"), windows1256: true)
        }
        for topic in 1...10 {
            for note in 1...10 { try add("notes/topic-\(topic)/note-\(note).txt", Self.text(next())) }
        }
        for old in 1...10 { try add("notes/old/old-\(old).txt", Self.text(next()), windows1256: true) }
        try add("misc/page.xhtml", Self.html(next()))
        try add("مقالات قديمة/مقال أول عن المياه.html", Self.html(next()))
        // dup.html and dup.txt both want misc/dup.md: the first in name order wins, the other is reported.
        try add("misc/dup.html", Self.html(next()))
        let duplicate = next()
        try Self.write(Self.text(duplicate), to: root.appendingPathComponent("misc/dup.txt"))
        failures["misc/dup.txt"] = "another input already maps to"
        collided["misc/dup.txt"] = duplicate

        try Self.write("", to: root.appendingPathComponent("broken/empty.html"))
        failures["broken/empty.html"] = "the input is empty"
        try Self.write(" \n\n \t\n", to: root.appendingPathComponent("broken/blank.txt"))
        failures["broken/blank.txt"] = "the input is empty"
        var junk: [UInt8] = []
        var seed: UInt32 = 2024
        for _ in 0..<4096 {
            seed = seed &* 1_103_515_245 &+ 12345
            junk.append(UInt8(truncatingIfNeeded: seed >> 16))
        }
        try Self.write(junk, to: root.appendingPathComponent("broken/junk.html"))
        failures["broken/junk.html"] = "binary file"

        let locked = "broken/locked.html"
        let lockedTitle = next()
        try Self.write(Self.html(lockedTitle), to: root.appendingPathComponent(locked))
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: root.appendingPathComponent(locked).path)
        if geteuid() == 0 {
            // Running as root, chmod 000 does not stop reading: the unreadable-file case cannot be made
            // here, so this one file is expected to convert like the others.
            articles[locked] = lockedTitle
        } else {
            failures[locked] = "cannot be read"
        }

        // A link inside the inputs is followed; a loop and a way out are not.
        try FileManager.default.createSymbolicLink(
            atPath: root.appendingPathComponent("notes/first-note.txt").path, withDestinationPath: "topic-1/note-1.txt")
        articles["notes/first-note.txt"] = articles["notes/topic-1/note-1.txt"]
        try FileManager.default.createSymbolicLink(
            atPath: root.appendingPathComponent("news/2023/back").path, withDestinationPath: "..")
        let outside = base.appendingPathComponent("outside.html")
        try Self.write(Self.html("خارج المجلد"), to: outside)
        try FileManager.default.createSymbolicLink(
            atPath: root.appendingPathComponent("outside.html").path, withDestinationPath: outside.path)

        // Hidden names and other kinds of files are not inputs.
        try Self.write(Self.html("مسودة"), to: root.appendingPathComponent(".drafts/secret.html"))
        try Self.write(Self.html("مخبأ"), to: root.appendingPathComponent("news/.cache.html"))
        try Self.write("# read me\n", to: root.appendingPathComponent("README.md"))
        try Self.write([0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0], to: root.appendingPathComponent("images/logo.png"))

    }

    func remove() {
        try? FileManager.default.removeItem(at: base)
    }

    /// The path a report or `source.name` uses for a file inside the tree.
    func path(_ relative: String) -> String {
        root.appendingPathComponent(relative).path
    }

    func relative(_ path: String) -> String {
        String(path.dropFirst(root.path.count + 1))
    }

    /// `news/a.html` → `news/a.md`.
    static func output(_ input: String) -> String {
        (input as NSString).deletingPathExtension + ".md"
    }

    // MARK: - Articles

    static func title(_ number: Int) -> String {
        "مياه الشرب في المدينة: الملف رقم \(number)"
    }

    static func paragraph(_ title: String) -> String {
        "هذه فقرة أولى من \(title)، وفيها كلام عن المياه والزراعة في المدينة، ونقطة في آخرها."
    }

    private static func titleOf(_ content: String) -> String {
        if let start = content.range(of: "<h1>"), let end = content.range(of: "</h1>") {
            return String(content[start.upperBound..<end.lowerBound])
        }
        return String(content.prefix { $0 != "\n" })
    }

    static func html(_ title: String, charset: String? = nil) -> String {
        let meta = charset.map { "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=\($0)\">" } ?? ""
        return """
            <!doctype html><html lang="ar" dir="rtl"><head>\(meta)<title>\(title)</title></head><body>
            <nav><a href="/">الرئيسية</a> <a href="/news">الأخبار</a></nav>
            <article><h1>\(title)</h1><p>\(paragraph(title))</p>
            <p>وهذه فقرة ثانية تكمل الحديث عن السدود والقنوات، وتذكر ما قاله المهندسون عن الآبار الجديدة.</p></article>
            <footer>جميع الحقوق محفوظة</footer></body></html>
            """
    }

    static func text(_ title: String) -> String {
        "\(title)\n\n\(paragraph(title))\n\nوهذه فقرة ثانية تكمل الحديث عن السدود والقنوات، وتذكر ما قاله المهندسون.\n"
    }

    static func write(_ text: String, to url: URL) throws {
        try write(Array(text.utf8), to: url)
    }

    static func write(_ bytes: [UInt8], to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }
}
