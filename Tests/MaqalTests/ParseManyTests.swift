import Foundation
import Testing

/// `maqal parse A B C …`, which parses its files on every core: what it prints is what a run per
/// file prints, in the order the files were named, and a bad file is reported where it stands.
@Suite("maqal parse over many files")
struct ParseManyTests {
    let binary = TestSupport.binary

    /// Fixture pages of very different sizes, large and small interleaved so that they finish out
    /// of order, and a bad input in the middle.
    static func inputs() -> [String] {
        let html = TestSupport.files(in: "html", extensions: ["html"]).prefix(12)
            .map { TestSupport.fixtures.appendingPathComponent("html/\($0)").path }
        let text = TestSupport.files(in: "text", extensions: ["txt"]).prefix(12)
            .map { TestSupport.fixtures.appendingPathComponent("text/\($0)").path }
        var inputs: [String] = []
        for (page, note) in zip(html, text) { inputs += [page, note] }
        inputs.insert("/nonexistent/article.html", at: inputs.count / 2)
        inputs.insert(TestSupport.fixtures.appendingPathComponent("text").path, at: 3)
        return inputs
    }

    @Test("NDJSON: one line per good file, in input order, as a run per file prints it; the bad ones on stderr")
    func ndjsonInOrder() throws {
        let inputs = Self.inputs()
        #expect(inputs.count >= 20)
        let result = try TestSupport.run(binary, inputs + ["--format", "ndjson"])
        #expect(result.status == 1)
        var expected = ""
        var messages = ""
        var failures = 0
        for input in inputs {
            let single = try TestSupport.run(binary, [input, "--format", "ndjson"])
            expected += single.stdout
            // Warnings of good files and the reason of bad ones, each where its file stands.
            messages += single.stderr
            if single.status != 0 { failures += 1 }
        }
        #expect(failures == 2)
        #expect(result.stdout == expected)
        #expect(result.stderr == messages)
    }

    @Test("--jobs 1 and --jobs 3 print exactly what the default (one job a core) prints")
    func jobsChangeNothingButSpeed() throws {
        let inputs = Self.inputs()
        let all = try TestSupport.run(binary, inputs + ["--format", "ndjson"])
        for jobs in ["1", "3"] {
            let result = try TestSupport.run(binary, inputs + ["--format", "ndjson", "--jobs", jobs])
            #expect(result.status == all.status)
            #expect(result.stdout == all.stdout)
            #expect(result.stderr == all.stderr)
        }
        let refused = try TestSupport.run(binary, inputs + ["--format", "ndjson", "--jobs", "0"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("--jobs must be between 1 and 1024"))
        #expect(refused.stdout.isEmpty)
    }

    @Test("Markdown: each document after the line naming it, in input order")
    func markdownInOrder() throws {
        let inputs = Self.inputs()
        let result = try TestSupport.run(binary, inputs + ["--quiet"])
        #expect(result.status == 1)
        let named = result.stdout.split(separator: "\n").filter { $0.hasPrefix("<!-- maqal: ") }
            .map { String($0.dropFirst("<!-- maqal: ".count).dropLast(" -->".count)) }
        let good = inputs.filter { !$0.hasPrefix("/nonexistent") && !$0.hasSuffix("/text") }
        #expect(named == good)
        for input in good.prefix(4) {
            let single = try TestSupport.run(binary, [input, "--quiet"])
            #expect(result.stdout.contains("<!-- maqal: \(input) -->\n\n" + single.stdout))
        }
    }

    @Test("to a file: the same documents, written whole")
    func toFile() throws {
        let inputs = Self.inputs()
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("maqal-many-\(UUID().uuidString).ndjson")
        defer { try? FileManager.default.removeItem(at: output) }
        let toFile = try TestSupport.run(binary, inputs + ["--format", "ndjson", "-o", output.path, "-q"])
        let toStdout = try TestSupport.run(binary, inputs + ["--format", "ndjson", "-q"])
        #expect(toFile.status == 1)
        #expect(toFile.stdout.isEmpty)
        #expect(try String(contentsOf: output, encoding: .utf8) == toStdout.stdout)
        #expect(toStdout.stdout.split(separator: "\n").count == inputs.count - 2)
    }
}
