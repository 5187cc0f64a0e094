import Foundation
import Testing

@testable import Maqal

/// `maqal records --framed`: a header line with `body_bytes`, then the page's bytes as they are.
@Suite("Records protocol, framed")
struct FramedRecordsTests {
    let binary = TestSupport.binary

    /// A header line and its body, as a client writes them.
    static func frame(_ header: [String: Any], _ body: [UInt8]) -> Data {
        var header = header
        header["body_bytes"] = body.count
        var data = try! JSONSerialization.data(withJSONObject: header, options: [.sortedKeys])
        data.append(0x0A)
        data.append(contentsOf: body)
        return data
    }

    func run(_ arguments: [String], _ input: Data) throws -> (status: Int32, answers: [[String: Any]], stderr: String) {
        let result = try TestSupport.run(binary, ["records", "--framed"] + arguments, stdin: input)
        #expect(result.stdout.hasSuffix("\n") || result.stdout.isEmpty)
        return (result.status, try RecordsTests.answers(result.stdout), result.stderr)
    }

    @Test("a body is exactly body_bytes long: newlines, NUL bytes and braces inside it are only bytes")
    func exactFraming() throws {
        // A body whose own lines look like headers: read as lines, they would be records of their own.
        let tricky = WARCBuilder.article(1).replacingOccurrences(
            of: "</article>", with: "\n{\"id\":\"fake\",\"body_bytes\":3}\n</article>")
        var withNUL = Array(WARCBuilder.article(2).utf8)
        withNUL.insert(0, at: withNUL.count / 2)
        var input = Self.frame(["id": "one", "body": "html"], Array(tricky.utf8))
        input.append(Self.frame(["id": 2, "content_type": "text/html; charset=utf-8"], withNUL))
        input.append(Self.frame(["id": "three", "body": "text"], Array("سطر أول\n\nسطر ثان\0".utf8)))
        input.append(Data("\n".utf8))  // a blank line between frames is allowed
        input.append(Data(RecordsTests.line(["id": "inline", "html": WARCBuilder.article(4)]).utf8 + [0x0A]))
        let result = try run(["--fields", "title,text"], input)
        #expect(result.status == 0)
        #expect(result.answers.map { $0["id"] as? AnyHashable } == ["one", 2, "three", "inline"])
        #expect(result.answers[0]["title"] as? String == "مقال رقم 1 عن الساعات المائية")
        #expect((result.answers[0]["text"] as? String)?.contains("fake") == true)
        #expect(result.answers[1]["title"] as? String == "مقال رقم 2 عن الساعات المائية")
        #expect(result.answers[3]["title"] as? String == "مقال رقم 4 عن الساعات المائية")
        #expect(result.stderr.isEmpty)
    }

    @Test("a body larger than the reader's chunks arrives whole, and the frame after it is still found")
    func largeBody() throws {
        // About 3 MB: read in several reads, straight into the body.
        let sentence = "كان الماء يقيس الوقت في المدن القديمة. "
        let big = String(repeating: sentence, count: 40_000)
        var input = Self.frame(["id": "big", "body": "text"], Array(big.utf8))
        input.append(Self.frame(["id": "after", "body": "text"], Array(sentence.utf8)))
        // No time limit: a debug build spends seconds of CPU on 3 MB of text, and on a loaded
        // machine the default 10 s would answer `timeout` — this test is about framing, not time.
        let result = try run(["--fields", "words", "--record-timeout-ms", "0"], input)
        #expect(result.answers.map { $0["id"] as? String } == ["big", "after"])
        let small = try #require(result.answers[1]["words"] as? Int)
        #expect(result.answers[0]["words"] as? Int == small * 40_000)
    }

    @Test("a raw body is read as body_base64 is: the content_type charset is the declared encoding")
    func rawBodyUsesHTTPCharset() throws {
        let bytes = CodePage.windows1256.encode(RecordsTests.arabic)!
        let input = Self.frame(["id": "w", "content_type": "text/html; charset=windows-1256"], bytes)
        let document = try #require(try run([], input).answers.first?["document"] as? [String: Any])
        let source = try #require(document["source"] as? [String: Any])
        #expect(source["encoding"] as? String == "windows-1256")
        #expect(source["encodingFrom"] as? String == "http")
        #expect((document["metadata"] as? [String: Any])?["title"] as? String == "مقال رقم 1 عن الساعات المائية")
    }

    @Test("input that ends inside a body: an invalid-record line for it, and exit 0")
    func endsInsideBody() throws {
        var input = Self.frame(["id": "whole", "body": "html"], Array(WARCBuilder.article(1).utf8))
        input.append(Self.frame(["id": "cut", "body": "html"], Array(WARCBuilder.article(2).utf8)).dropLast(100))
        let result = try run(["--fields", "title"], input)
        #expect(result.status == 0)
        #expect(result.answers.count == 2)
        #expect(result.answers[0]["title"] as? String == "مقال رقم 1 عن الساعات المائية")
        #expect(result.answers[1]["id"] as? String == "cut")
        let error = try #require(result.answers[1]["error"] as? [String: Any])
        #expect(error["kind"] as? String == "invalid-record")
        #expect((error["message"] as? String)?.contains("ended") == true)
    }

    @Test("a header that cannot be read ends the stream with an answer for it and exit 1")
    func unreadableHeader() throws {
        var input = Self.frame(["id": "first", "body": "text"], Array("نص أول.".utf8))
        input.append(Data("{\"id\":\"bad\",\"body_bytes\":\"twelve\"}\nsomething\n".utf8))
        input.append(Self.frame(["id": "never", "body": "text"], Array("نص.".utf8)))
        let result = try run(["--fields", "text"], input)
        #expect(result.status == 1)
        #expect(result.answers.map { $0["id"] as? String } == ["first", "bad"])
        #expect((result.answers[1]["error"] as? [String: Any])?["kind"] as? String == "invalid-record")
        #expect(result.stderr.contains("body_bytes"))
    }

    @Test("a header with a wrong field still frames its body: one answer for it, the stream goes on")
    func wrongFieldKeepsStep() throws {
        var input = Self.frame(["id": "a", "url": 7, "body": "html"], Array(WARCBuilder.article(1).utf8))
        input.append(Self.frame(["id": "b", "body": "html", "html": "<p>x</p>"], Array(WARCBuilder.article(2).utf8)))
        input.append(Self.frame(["id": "c", "body": "html"], Array(WARCBuilder.article(3).utf8)))
        let result = try run(["--fields", "title"], input)
        #expect(result.status == 0)
        #expect(result.answers.map { $0["id"] as? String } == ["a", "b", "c"])
        #expect((result.answers[0]["error"] as? [String: Any])?["kind"] as? String == "invalid-record")
        #expect((result.answers[1]["error"] as? [String: Any])?["kind"] as? String == "invalid-record")
        #expect(result.answers[2]["title"] as? String == "مقال رقم 3 عن الساعات المائية")
    }

    @Test("a body over --max-bytes is stepped over unread and answered too-large")
    func tooLargeBody() throws {
        var input = Self.frame(["id": "big", "body": "html"], Array(WARCBuilder.article(1).utf8))
        input.append(Self.frame(["id": "small", "body": "text"], Array("نص قصير هنا.".utf8)))
        let result = try run(["--max-bytes", "500", "--fields", "text"], input)
        #expect(result.answers.map { $0["id"] as? String } == ["big", "small"])
        #expect((result.answers[0]["error"] as? [String: Any])?["kind"] as? String == "too-large")
        #expect(result.answers[1]["ok"] as? Bool == true)
    }

    @Test("order is kept with --jobs, whatever each frame holds")
    func orderWithJobs() throws {
        var input = Data()
        for n in 0..<40 {
            switch n % 4 {
            case 0: input.append(Self.frame(["id": n, "body": "text"], Array("   ".utf8)))
            case 1: input.append(Self.frame(["id": n], Array(WARCBuilder.article(n).utf8)))
            case 2: input.append(Data((RecordsTests.line(["id": n, "html": WARCBuilder.article(n)]) + "\n").utf8))
            default: input.append(Self.frame(["id": n, "body": "html", "url": "https://example.com/\(n)"],
                                             Array(WARCBuilder.article(n).utf8)))
            }
        }
        let result = try run(["--jobs", "3", "--fields", "title"], input)
        #expect(result.status == 0)
        #expect(result.answers.map { $0["id"] as? Int } == Array(0..<40))
        for (n, answer) in result.answers.enumerated() {
            if n % 4 == 0 {
                #expect((answer["error"] as? [String: Any])?["kind"] as? String == "empty")
            } else {
                #expect(answer["title"] as? String == "مقال رقم \(n) عن الساعات المائية")
            }
        }
    }

    @Test("without --framed a header's body_bytes is refused, not read as a frame")
    func framingNeedsTheFlag() throws {
        let line = RecordsTests.line(["id": "h", "body_bytes": 3])
        let result = try TestSupport.run(binary, ["records"], stdin: Data((line + "\nabc\n").utf8))
        let answers = try RecordsTests.answers(result.stdout)
        #expect(answers.count == 2)
        #expect(((answers[0]["error"] as? [String: Any])?["message"] as? String)?.contains("--framed") == true)
    }
}
