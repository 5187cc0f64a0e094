import Foundation
import Testing

@testable import Maqal

/// The built `maqal` binary, run as a user runs it.
@Suite("Command line")
struct CLITests {
    let binary = TestSupport.binary
    let fixture = TestSupport.fixtures.appendingPathComponent("text/02-crlf-bom-oats-health.txt").path

    @Test("parses a file to Markdown by default")
    func markdownDefault() throws {
        let result = try TestSupport.run(binary, [fixture])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("# الشوفان على مائدة الإفطار"))
        #expect(result.stdout.contains("\n## ما هي فوائد الشوفان؟\n"))
        #expect(result.stderr.isEmpty)
    }

    @Test("JSON output decodes to a document with the file's name")
    func json() throws {
        let result = try TestSupport.run(binary, ["parse", fixture, "--format", "json"])
        #expect(result.status == 0)
        let document = try JSONDecoder().decode(Document.self, from: Data(result.stdout.utf8))
        #expect(document.source.name == fixture)
        #expect(document.source.encodingFrom == .bom)
        #expect(document.metadata.published == "2024-03-15")
    }

    @Test("--compact prints one line")
    func compact() throws {
        let result = try TestSupport.run(binary, [fixture, "--format", "json", "--compact"])
        #expect(result.stdout.split(separator: "\n").count == 1)
    }

    @Test("reads standard input and sniffs HTML in it")
    func standardInput() throws {
        let html = "<html><head><title>عنوان الصفحة</title></head><body><article><h1>عنوان الصفحة</h1>"
            + "<p>هذه فقرة أولى من المقال تكفي لتكون نصاً، وفيها فواصل كثيرة، ونقطة في آخرها.</p></article></body></html>"
        let result = try TestSupport.run(binary, ["-", "--format", "json"], stdin: Data(html.utf8))
        #expect(result.status == 0)
        let document = try JSONDecoder().decode(Document.self, from: Data(result.stdout.utf8))
        #expect(document.source.format == .html)
        #expect(document.source.name == "-")
        #expect(document.metadata.title == "عنوان الصفحة")
        #expect(TestSupport.paragraphs(document.body).count == 1)
    }

    @Test("a missing file is a clear error, exit 1, nothing on stdout")
    func missingFile() throws {
        let result = try TestSupport.run(binary, ["/nonexistent/article.html"])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "maqal: /nonexistent/article.html: no such file\n")
    }

    @Test("a directory named as a file is a clear error")
    func directory() throws {
        let result = try TestSupport.run(binary, [TestSupport.fixtures.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("is a directory"))
        #expect(!result.stderr.contains("Fatal") && !result.stderr.contains("Stack"))
    }

    @Test("one bad input among good ones: the good ones print, exit 1")
    func mixedInputs() throws {
        let result = try TestSupport.run(binary, [fixture, "/nonexistent.txt", "--format", "ndjson"])
        #expect(result.status == 1)
        #expect(result.stdout.split(separator: "\n").count == 1)
        #expect(result.stderr.contains("/nonexistent.txt: no such file"))
    }

    @Test("usage errors exit 2", arguments: [
        ["--format", "yaml", "x.txt"], ["x.txt", "--encoding", "klingon"], ["a.txt", "b.txt", "--format", "json"],
    ])
    func usageErrors(_ arguments: [String]) throws {
        let result = try TestSupport.run(binary, arguments)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(!result.stderr.isEmpty)
    }

    @Test("--help shows pasteable examples and --version the version")
    func helpAndVersion() throws {
        let help = try TestSupport.run(binary, ["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("maqal article.html -f json"))
        let version = try TestSupport.run(binary, ["--version"])
        // The headers' version, known without loading libxml2; the library of their soname is the one loaded.
        #expect(version.stdout == "maqal \(Maqal.version) (libxml2 \(Maqal.libxml2HeaderVersion))\n")
        #expect(Maqal.libxml2Version.split(separator: ".").first == Maqal.libxml2HeaderVersion.split(separator: ".").first)
        #expect(version.stdout.wholeMatch(of: /maqal \d+\.\d+\.\d+ \(libxml2 2\.\d+\.\d+\)\n/) != nil, "\(version.stdout)")
    }

    @Test("--output writes the file whole and nothing to stdout")
    func outputFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("maqal-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = directory.appendingPathComponent("out.md").path
        let result = try TestSupport.run(binary, [fixture, "--output", target])
        #expect(result.status == 0 && result.stdout.isEmpty)
        let written = try String(contentsOfFile: target, encoding: .utf8)
        #expect(written == (try TestSupport.run(binary, [fixture])).stdout)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(leftovers == ["out.md"])
    }

    @Test("--front-matter starts Markdown with YAML metadata")
    func frontMatter() throws {
        let result = try TestSupport.run(binary, [fixture, "--front-matter"])
        #expect(result.stdout.hasPrefix("---\ntitle: \"الشوفان على مائدة الإفطار: فوائد مثبتة وأخطاء شائعة\"\n"))
        #expect(result.stdout.contains("published: \"2024-03-15\"\n"))
    }

    @Test("text format prints plain text without markup")
    func textFormat() throws {
        let result = try TestSupport.run(binary, [fixture, "--format", "text"])
        #expect(result.status == 0)
        #expect(!result.stdout.contains("#") && !result.stdout.contains("**"))
        #expect(result.stdout.contains("• الألياف الذائبة:"))
    }
}

extension CLITests {
    @Test("standard input over --max-bytes is refused with a message, exit 1")
    func standardInputLimit() throws {
        let result = try TestSupport.run(binary, ["-", "--max-bytes", "1000"], stdin: Data(repeating: 0x61, count: 5000))
        #expect(result.status == 1)
        #expect(result.stderr.contains("maqal: -: standard input is over the limit of 1000 bytes"))
        #expect(result.stdout.isEmpty)
    }
}

/// `maqal schema` and a real validator over every golden JSON file.
@Suite("JSON Schema")
struct SchemaTests {
    @Test("maqal schema prints the schema, and Python's jsonschema accepts every golden JSON file with it")
    func validateGoldenFiles() throws {
        let schema = try TestSupport.run(TestSupport.binary, ["schema"])
        #expect(schema.status == 0)
        #expect(schema.stdout.contains("\"https://json-schema.org/draft/2020-12/schema\""))
        guard let python = TestSupport.which("python3") else {
            Issue.record("python3 is missing: the schema check needs it (make test-deps installs jsonschema)")
            return
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("maqal-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let schemaPath = directory.appendingPathComponent("schema.json").path
        try schema.stdout.write(toFile: schemaPath, atomically: true, encoding: .utf8)
        var goldens: [String] = []
        for folder in ["text", "html", "saved", "saved/complete"] {
            let url = TestSupport.fixtures.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: url.path) where name.hasSuffix(".expected.json") {
                goldens.append(url.appendingPathComponent(name).path)
            }
        }
        #expect(goldens.count >= 20)
        let script = """
            import json, sys
            from jsonschema import Draft202012Validator
            schema = json.load(open(sys.argv[1]))
            Draft202012Validator.check_schema(schema)
            validator = Draft202012Validator(schema)
            bad = 0
            for path in sys.argv[2:]:
                for error in validator.iter_errors(json.load(open(path))):
                    bad += 1
                    print(path, list(error.absolute_path), error.message[:200])
            print("validated", len(sys.argv) - 2, "documents")
            sys.exit(1 if bad else 0)
            """
        let result = try TestSupport.run(python, ["-c", script, schemaPath] + goldens)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("validated \(goldens.count) documents"))
    }

    @Test("a document the schema must reject is rejected (the validator really checks)",
          .enabled(if: TestSupport.which("python3") != nil, "python3 is missing: the schema check needs it"))
    func rejects() throws {
        let python = try #require(TestSupport.which("python3"))
        let script = """
            import json, sys
            from jsonschema import Draft202012Validator
            schema = json.loads(sys.stdin.read())
            doc = {"schema": "maqal/1", "source": {}, "metadata": {}, "stats": {}, "body": [{"type": "heading"}], "diagnostics": []}
            sys.exit(0 if list(Draft202012Validator(schema).iter_errors(doc)) else 1)
            """
        let result = try TestSupport.run(python, ["-c", script], stdin: Data(JSONSchema.text.utf8))
        #expect(result.status == 0)
    }
}
