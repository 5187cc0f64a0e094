import Foundation
import Testing

@testable import Maqal

/// The `maqal records` protocol: one answer line per input line, in order, whatever the lines hold.
@Suite("Records protocol")
struct RecordsTests {
    let binary = TestSupport.binary
    static let arabic = WARCBuilder.article(1)
    static let persian = """
        <html><head><title>ساعت‌های آبی در تمدن ایرانی</title></head><body><article>
        <p>این یک متن فارسی است که برای آزمایش نوشته شده و چند کلمه دارد. گفتگو درباره ساعت‌های آبی پیچیده است و
        پژوهشگران کتاب‌های زیادی درباره آن نوشته‌اند. چگونه این ساعت‌ها کار می‌کردند؟</p></article></body></html>
        """
    static let urdu = """
        <html><head><title>پانی کی گھڑیاں</title></head><body><article>
        <p>یہ اردو میں لکھی گئی ایک تحریر ہے جو جانچ کے لیے ہے۔ پانی کی گھڑیاں بہت پرانی ہیں اور لوگ انہیں وقت ناپنے کے
        لیے استعمال کرتے تھے۔ یہ بڑی دلچسپ بات ہے کہ ان میں پانی ایک برتن سے دوسرے میں جاتا تھا۔</p></article></body></html>
        """

    static func line(_ object: [String: Any]) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    static func answers(_ stdout: String) throws -> [[String: Any]] {
        try stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map {
            try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    func run(_ arguments: [String], lines: [String]) throws -> (status: Int32, answers: [[String: Any]], stderr: String) {
        let result = try TestSupport.run(binary, ["records"] + arguments, stdin: Data(lines.map { $0 + "\n" }.joined().utf8))
        #expect(result.stdout.hasSuffix("\n") || result.stdout.isEmpty)
        return (result.status, try Self.answers(result.stdout), result.stderr)
    }

    @Test("one line per input line, in input order, with --jobs, whatever each line holds")
    func orderWithJobs() throws {
        var lines: [String] = []
        for n in 0..<60 {
            switch n % 5 {
            case 0: lines.append("this is not JSON \(n)")
            case 1: lines.append(Self.line(["id": "r\(n)", "text": "   "]))
            case 2: lines.append(Self.line(["id": n, "html": WARCBuilder.article(n)]))
            case 3: lines.append("")
            default: lines.append(Self.line(["id": "r\(n)", "url": "https://example.com/\(n)", "html": WARCBuilder.article(n)]))
            }
        }
        let result = try run(["--jobs", "3", "--fields", "title"], lines: lines)
        #expect(result.status == 0)
        #expect(result.answers.count == 60)
        for (n, answer) in result.answers.enumerated() {
            switch n % 5 {
            case 0, 3:
                #expect((answer["error"] as? [String: Any])?["kind"] as? String == "invalid-record")
            case 1:
                #expect(answer["id"] as? String == "r\(n)")
                #expect((answer["error"] as? [String: Any])?["kind"] as? String == "empty")
            case 2:
                #expect(answer["id"] as? Int == n)
                #expect(answer["title"] as? String == "مقال رقم \(n) عن الساعات المائية")
            default:
                #expect(answer["id"] as? String == "r\(n)")
                #expect(answer["url"] as? String == "https://example.com/\(n)")
                #expect(answer["title"] as? String == "مقال رقم \(n) عن الساعات المائية")
            }
        }
        #expect(result.stderr.isEmpty)
    }

    @Test("the whole document by default, decodable as a maqal/1 document")
    func wholeDocument() throws {
        let result = try TestSupport.run(binary, ["records"], stdin: Data((Self.line(["id": "a", "html": Self.arabic]) + "\n").utf8))
        let answer = try #require(try Self.answers(result.stdout).first)
        #expect(answer["ok"] as? Bool == true)
        let document = try JSONSerialization.data(withJSONObject: try #require(answer["document"]))
        let decoded = try JSONDecoder().decode(Document.self, from: document)
        #expect(decoded.metadata.title == "مقال رقم 1 عن الساعات المائية")
        #expect(decoded.source.warc == nil)
    }

    @Test("raw bytes in body_base64: the content_type charset is the declared encoding")
    func base64WithHTTPCharset() throws {
        let bytes = CodePage.windows1256.encode(Self.arabic)!
        let line = Self.line(["id": "w", "body_base64": Data(bytes).base64EncodedString(),
                              "content_type": "text/html; charset=windows-1256", "url": "https://example.com/w"])
        let result = try run([], lines: [line])
        let document = try #require(result.answers.first?["document"] as? [String: Any])
        let source = try #require(document["source"] as? [String: Any])
        #expect(source["encoding"] as? String == "windows-1256")
        #expect(source["encodingFrom"] as? String == "http")
        #expect((document["metadata"] as? [String: Any])?["title"] as? String == "مقال رقم 1 عن الساعات المائية")
        #expect((document["metadata"] as? [String: Any])?["url"] as? String == "https://example.com/w")
    }

    @Test("records that are not records say why", arguments: [
        (#"{"html": "<p>x</p>"}"#, "no \"id\""),
        (#"{"id": "x"}"#, "none of"),
        (#"{"id": "x", "html": "<p>a</p>", "text": "b"}"#, "more than one"),
        (#"{"id": "x", "body_base64": "@@@"}"#, "not base64"),
        (#"{"id": ["x"], "html": "<p>a</p>"}"#, "wrong type"),
        (#"["id", "x"]"#, "not a JSON object"),
    ])
    func invalidRecords(line: String, message: String) throws {
        let result = try run([], lines: [line, Self.line(["id": "next", "html": Self.arabic])])
        #expect(result.status == 0)
        #expect(result.answers.count == 2)
        let error = try #require(result.answers.first?["error"] as? [String: Any])
        #expect(error["kind"] as? String == "invalid-record")
        #expect((error["message"] as? String)?.contains(message) == true, "\(error)")
        #expect(result.answers.last?["ok"] as? Bool == true)
    }

    @Test("--language ar keeps Arabic and turns Persian and Urdu away by their letters")
    func languageFilter() throws {
        // The Persian page claims to be Arabic: its letters say otherwise.
        let lines = [Self.line(["id": "ar", "html": Self.arabic]),
                     Self.line(["id": "fa", "html": Self.persian.replacingOccurrences(of: "<html>", with: "<html lang=\"ar\">")]),
                     Self.line(["id": "ur", "html": Self.urdu])]
        let result = try run(["--language", "ar", "--fields", "language"], lines: lines)
        #expect(result.answers.map { $0["id"] as? String } == ["ar", "fa", "ur"])
        #expect(result.answers[0]["ok"] as? Bool == true)
        #expect(result.answers[1]["skipped"] as? String == "language")
        #expect(result.answers[2]["skipped"] as? String == "language")
        let persian = try run(["--language", "fa", "--fields", "words"], lines: Array(lines[1...1]))
        #expect(persian.answers.first?["ok"] as? Bool == true)
    }

    @Test("--min-words turns short documents away, still answering them")
    func minWords() throws {
        let lines = [Self.line(["id": "a", "html": Self.arabic])]
        let kept = try run(["--min-words", "20", "--fields", "words"], lines: lines)
        let words = try #require(kept.answers.first?["words"] as? Int)
        #expect(words >= 20)
        let skipped = try run(["--min-words", "\(words + 1)"], lines: lines)
        #expect(skipped.answers.first?["skipped"] as? String == "min-words")
        #expect(skipped.answers.first?["ok"] as? Bool == false)
    }

    @Test("--fields gives flat columns in the order asked, and no document")
    func fields() throws {
        let result = try run(["--fields", "text,title,language,words,arabicShare,published,markdown"],
                             lines: [Self.line(["id": "a", "html": Self.arabic])])
        let answer = try #require(result.answers.first)
        #expect(answer["document"] == nil)
        #expect((answer["text"] as? String)?.contains("عرفت الحضارة العربية الساعات المائية") == true)
        #expect((answer["markdown"] as? String)?.hasPrefix("# مقال رقم 1") == true)
        #expect(answer["language"] as? String == "ar")
        #expect((answer["arabicShare"] as? Double ?? 0) > 0.9)
        #expect(answer.keys.contains("published"))
        let both = try run(["--fields", "title,document"], lines: [Self.line(["id": "a", "html": Self.arabic])])
        let document = try #require(both.answers.first?["document"] as? [String: Any])
        #expect((document["metadata"] as? [String: Any])?["title"] as? String == both.answers.first?["title"] as? String)
    }

    @Test("a record that runs past its budget is answered with timeout, and the stream goes on")
    func timeout() throws {
        // Several megabytes of nested markup: far more than a millisecond of work.
        let huge = "<html><body>" + String(repeating: "<div><p>فقرة طويلة من النص العربي، وفيها كلمات كثيرة.</p>", count: 20_000)
            + "</body></html>"
        let lines = [Self.line(["id": "slow", "html": huge]), Self.line(["id": "fast", "text": "نص قصير."]),
                     Self.line(["id": "slow2", "html": huge])]
        let result = try run(["--record-timeout-ms", "1", "--jobs", "2", "--fields", "title"], lines: lines)
        #expect(result.status == 0)
        #expect(result.answers.map { $0["id"] as? String } == ["slow", "fast", "slow2"])
        let error = try #require(result.answers.first?["error"] as? [String: Any])
        #expect(error["kind"] as? String == "timeout")
        #expect((result.answers.last?["error"] as? [String: Any])?["kind"] as? String == "timeout")
        // Without a budget the same page parses: the timeout came from the budget, not a failure.
        let unlimited = try run(["--record-timeout-ms", "0", "--fields", "words"], lines: Array(lines[0...0]))
        #expect(unlimited.answers.first?["ok"] as? Bool == true)
    }

    @Test("a line over the limit is answered too-large with the id it starts with")
    func tooLongLine() throws {
        let long = Self.line(["id": "big", "text": String(repeating: "كلمة ", count: 3000)])
        let result = try run(["--max-bytes", "1000"], lines: [long, Self.line(["id": "next", "text": "نص قصير هنا."])])
        #expect(result.answers.count == 2)
        #expect(result.answers[0]["id"] as? String == "big")
        #expect((result.answers[0]["error"] as? [String: Any])?["kind"] as? String == "too-large")
        #expect(result.answers[1]["id"] as? String == "next")
    }

    @Test("the end of input ends the process with exit 0 and nothing on stdout")
    func emptyInput() throws {
        let result = try TestSupport.run(binary, ["records"], stdin: Data())
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
    }

    @Test("usage errors exit 2", arguments: [["--language", "xx"], ["--fields", "text,colour"], ["--jobs", "0"]])
    func usage(_ arguments: [String]) throws {
        let result = try TestSupport.run(binary, ["records"] + arguments, stdin: Data())
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
    }

    @Test("every kind of answer line validates against maqal schema records")
    func schema() throws {
        guard let python = TestSupport.which("python3") else {
            Issue.record("python3 is missing: the schema check needs it (make test-deps installs jsonschema)")
            return
        }
        let lines = [Self.line(["id": "a", "html": Self.arabic]), "not json", Self.line(["id": 2, "text": ""]),
                     Self.line(["id": "fa", "html": Self.persian])]
        var output = try TestSupport.run(binary, ["records", "--language", "ar"],
                                         stdin: Data(lines.map { $0 + "\n" }.joined().utf8)).stdout
        output += try TestSupport.run(binary, ["records", "--fields", "text,title,language,published,words,arabicShare"],
                                      stdin: Data((lines[0] + "\n").utf8)).stdout
        let schema = try TestSupport.run(binary, ["schema", "records"]).stdout
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("maqal-records-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try schema.write(to: directory.appendingPathComponent("schema.json"), atomically: true, encoding: .utf8)
        try output.write(to: directory.appendingPathComponent("lines.jsonl"), atomically: true, encoding: .utf8)
        let script = """
            import json, sys
            from jsonschema import Draft202012Validator
            schema = json.load(open(sys.argv[1]))
            Draft202012Validator.check_schema(schema)
            validator = Draft202012Validator(schema)
            lines = [json.loads(line) for line in open(sys.argv[2])]
            bad = [(line.get("id"), e.message[:200]) for line in lines for e in validator.iter_errors(line)]
            wrong = {"id": "x", "url": None, "ok": True, "error": {"kind": "empty", "message": ""}}
            assert list(validator.iter_errors(wrong)), "an ok line with an error must be refused"
            print("validated", len(lines), "lines", bad)
            sys.exit(1 if bad else 0)
            """
        let result = try TestSupport.run(python, ["-c", script, directory.appendingPathComponent("schema.json").path,
                                                  directory.appendingPathComponent("lines.jsonl").path])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("validated 5 lines"))
    }

    @Test("any bytes on a line get exactly one line of JSON back, with id, url and ok")
    func mutatedLines() throws {
        let processor = RecordProcessor(options: RecordOptions(fields: [.title]))
        let original = Array(Self.line(["id": "r1", "url": "https://example.com/1", "html": WARCBuilder.article(1)]).utf8)
        var random = SeededGenerator("mutated record lines")
        for _ in 0..<300 {
            var line = original
            for _ in 0..<(1 + random.next() % 6) {
                let index = Int(random.next() % UInt64(line.count))
                if random.next() % 2 == 0 {
                    line[index] = UInt8(truncatingIfNeeded: random.next())
                } else {
                    line.remove(at: index)
                }
            }
            line.removeAll { $0 == UInt8(ascii: "\n") }
            let answer = processor.answer(line: line[...])
            #expect(!answer.contains(UInt8(ascii: "\n")))
            let object = try #require(try JSONSerialization.jsonObject(with: Data(answer)) as? [String: Any])
            #expect(object["ok"] is Bool)
            #expect(object.keys.contains("id") && object.keys.contains("url"))
        }
    }

    @Test("a document's source.warc encodes with Codable as the renderer writes it, and decodes back")
    func warcSourceCodable() throws {
        var document = try Maqal.parse(Array(Self.arabic.utf8), name: "crawl.warc.gz")
        document.source.warc = Source.WARC(recordId: "<urn:uuid:1>", targetURI: "https://example.com/1",
                                           date: "2025-03-01T10:00:00Z", truncated: nil)
        let rendered = try #require(try JSONSerialization.jsonObject(with: Data(JSONRenderer.render(document).utf8)) as? [String: Any])
        let encoded = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(document)) as? [String: Any])
        let renderedWARC = try #require((rendered["source"] as? [String: Any])?["warc"] as? [String: Any])
        let encodedWARC = try #require((encoded["source"] as? [String: Any])?["warc"] as? [String: Any])
        #expect(NSDictionary(dictionary: renderedWARC).isEqual(to: encodedWARC))
        #expect(renderedWARC["truncated"] is NSNull)
        let decoded = try JSONDecoder().decode(Document.self, from: Data(JSONRenderer.render(document).utf8))
        #expect(decoded.source.warc == document.source.warc)
    }
}
