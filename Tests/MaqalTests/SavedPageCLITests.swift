import Foundation
import Testing

@testable import Maqal

/// Saved pages through the built `maqal`, as a user runs it on what a browser saved.
@Suite("Saved pages on the command line", .serialized)
struct SavedPageCLITests {
    let binary = ConvertSupport.binary
    let folder = SavedPageTests.folder

    private func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// Markdown without its image lines: what every saved form shares with the plain page.
    private func withoutImages(_ markdown: String) -> String {
        markdown.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("![") }
            .joined(separator: "\n").replacingOccurrences(of: "\n\n\n", with: "\n\n")
    }

    @Test("parse prints each saved form as the plain page's Markdown", arguments: SavedPageTests.forms.map(\.name))
    func markdown(_ name: String) throws {
        let twin = try TestSupport.run(binary, [path(SavedPageTests.twinName)])
        let result = try TestSupport.run(binary, [path(name)])
        #expect(result.status == 0 && result.stderr.isEmpty, "\(result.stderr)")
        let form = try #require(SavedPageTests.forms.first { $0.name == name })
        if form.figures == .same {
            #expect(result.stdout == twin.stdout)
        } else {
            #expect(withoutImages(result.stdout) == withoutImages(twin.stdout))
        }
    }

    @Test("JSON names the container; the compressed page says gzip")
    func jsonSource() throws {
        let mhtml = try TestSupport.run(binary, [path("olive-festival-ie-1256.mht"), "--format", "json"])
        let document = try JSONDecoder().decode(Document.self, from: Data(mhtml.stdout.utf8))
        #expect(document.source.format == .mhtml && document.source.encoding == "windows-1256")
        #expect(!mhtml.stdout.contains("\"compression\""))

        let scratch = try ConvertSupport.temporaryFolder("gzip")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let packed = scratch.appendingPathComponent("olive-festival.html.gz")
        try Data(Deflate.compress(TestSupport.bytes(folder.appendingPathComponent(SavedPageTests.twinName)))).write(to: packed)
        let gzip = try TestSupport.run(binary, [packed.path, "--format", "json"])
        #expect(gzip.status == 0)
        let unpacked = try JSONDecoder().decode(Document.self, from: Data(gzip.stdout.utf8))
        #expect(unpacked.source.compression == .gzip && unpacked.source.format == .html)
        #expect(try TestSupport.run(binary, [packed.path]).stdout == (try TestSupport.run(binary, [path(SavedPageTests.twinName)])).stdout)
        try SavedPageCLITests.validate([gzip.stdout, mhtml.stdout])
    }

    @Test("a broken container is an error naming the file, exit 1; a cut one is read with a warning, exit 0")
    func brokenContainers() throws {
        let scratch = try ConvertSupport.temporaryFolder("broken")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let archive = try TestSupport.bytes(folder.appendingPathComponent("olive-festival-safari.webarchive"))
        let corrupt = scratch.appendingPathComponent("corrupt.webarchive")
        try Data(archive.prefix(archive.count / 2)).write(to: corrupt)
        let refused = try TestSupport.run(binary, [corrupt.path])
        #expect(refused.status == 1 && refused.stdout.isEmpty)
        #expect(refused.stderr == "maqal: \(corrupt.path): this webarchive is corrupt: its property list cannot be read\n")

        let noBoundary = scratch.appendingPathComponent("parts.html")
        try Data("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"zz\"\r\n\r\njust text\r\n".utf8).write(to: noBoundary)
        let missing = try TestSupport.run(binary, [noBoundary.path])
        #expect(missing.status == 1 && missing.stdout.isEmpty)
        #expect(missing.stderr.contains("\(noBoundary.path): this MHTML file's parts cannot be found"))

        let packed = Deflate.compress(try TestSupport.bytes(folder.appendingPathComponent(SavedPageTests.twinName)))
        let cut = scratch.appendingPathComponent("cut.html.gz")
        try Data(packed.prefix(packed.count * 2 / 3)).write(to: cut)
        let partial = try TestSupport.run(binary, [cut.path, "--format", "json"])
        #expect(partial.status == 0)
        let document = try JSONDecoder().decode(Document.self, from: Data(partial.stdout.utf8))
        #expect(document.diagnostics.contains { $0.id == "container.truncated" })
        #expect(!document.body.isEmpty)
    }

    @Test("--keep-data-images keeps SingleFile's images in figures")
    func keepDataImages() throws {
        let plain = try TestSupport.run(binary, [path("olive-festival-singlefile.html"), "--format", "json"])
        #expect(!plain.stdout.contains("base64") && plain.stdout.contains("images.data-omitted"))
        let kept = try TestSupport.run(binary, [path("olive-festival-singlefile.html"), "--format", "json", "--keep-data-images"])
        let document = try JSONDecoder().decode(Document.self, from: Data(kept.stdout.utf8))
        #expect(TestSupport.figures(document.body).allSatisfy { $0.src?.hasPrefix("data:image/jpeg;base64,") == true })
        let markdown = try TestSupport.run(binary, [path("olive-festival-singlefile.html"), "--keep-data-images"])
        #expect(markdown.stdout.contains("![قطاف الزيتون في عين الصفا](data:image/jpeg;base64,"))
    }

    @Test("convert reads every saved form, leaves the _files folder to its page and names .html.gz outputs as .html ones")
    func convertSavedForms() throws {
        let scratch = try ConvertSupport.temporaryFolder("saved")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let input = scratch.appendingPathComponent("in")
        try FileManager.default.copyItem(at: folder, to: input)
        for name in try FileManager.default.subpathsOfDirectory(atPath: input.path)
        where name.contains(".expected.") || name.hasSuffix(".py") {
            try FileManager.default.removeItem(at: input.appendingPathComponent(name))
        }
        try FileManager.default.moveItem(at: input.appendingPathComponent(SavedPageTests.twinName),
                                         to: input.appendingPathComponent("plain.html"))
        try Data(Deflate.compress(TestSupport.bytes(input.appendingPathComponent("plain.html"))))
            .write(to: input.appendingPathComponent("packed.html.gz"))
        let out = scratch.appendingPathComponent("out")
        let result = try TestSupport.run(binary, ["convert", input.path, "-o", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("7 converted, 0 skipped, 0 failed (7 files)"), "\(result.stderr)")
        #expect(try ConvertSupport.files(in: out) == [
            "plain.md", "packed.md", "olive-festival-chrome.md", "olive-festival-ie-1256.md",
            "olive-festival-safari.md", "olive-festival-singlefile.md", "complete/olive-festival.md",
        ])
        let complete = try String(contentsOf: out.appendingPathComponent("complete/olive-festival.md"), encoding: .utf8)
        #expect(complete.contains("](./olive-festival_files/harvest.jpg)"))

        // Named on its own, the folder is what the user asked for.
        let asked = try TestSupport.run(binary, [
            "convert", input.appendingPathComponent("complete/olive-festival_files").path, "-o", scratch.appendingPathComponent("asked").path,
        ])
        #expect(asked.stderr.contains("2 converted"), "\(asked.stderr)")
    }

    @Test("a folder with nothing convert reads: how many files were skipped by extension, and --include")
    func skippedByExtension() throws {
        let scratch = try ConvertSupport.temporaryFolder("skipped")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let input = scratch.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input.appendingPathComponent("sub"), withIntermediateDirectories: true)
        for name in ["a.pdf", "b.pdf", "sub/c.pdf", "notes.docx", "README", ".hidden.html"] {
            try Data("x".utf8).write(to: input.appendingPathComponent(name))
        }
        let result = try TestSupport.run(binary, ["convert", input.path, "-o", scratch.appendingPathComponent("out").path])
        #expect(result.status == 0)
        #expect(result.stderr.contains(
            "maqal: nothing to convert: 5 files were skipped by extension (.pdf 3, .docx 1, no extension 1); convert reads "
                + ".html .htm .xhtml .txt .mhtml .mht .webarchive (and any of them .gz); add others with --include '*.pdf'"),
                "\(result.stderr)")

        // With one readable file there is nothing to point out.
        try Data("<html><body><p>\(SavedPageTests.paragraph)</p></body></html>".utf8).write(to: input.appendingPathComponent("page.html"))
        let some = try TestSupport.run(binary, ["convert", input.path, "-o", scratch.appendingPathComponent("out2").path])
        #expect(some.status == 0 && !some.stderr.contains("skipped by extension"), "\(some.stderr)")
    }

    /// Validates JSON documents against `maqal schema` with Python's jsonschema.
    static func validate(_ documents: [String]) throws {
        guard let python = TestSupport.which("python3") else {
            Issue.record("python3 is missing: the schema check needs it (make test-deps installs jsonschema)")
            return
        }
        let script = """
            import json, sys
            from jsonschema import Draft202012Validator
            validator = Draft202012Validator(json.loads(sys.argv[1]))
            errors = [e.message for doc in sys.argv[2:] for e in validator.iter_errors(json.loads(doc))]
            print(errors)
            sys.exit(1 if errors else 0)
            """
        let result = try TestSupport.run(python, ["-c", script, JSONSchema.text] + documents)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    }
}
