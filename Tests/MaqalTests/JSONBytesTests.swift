import Foundation
import Testing

@testable import Maqal

/// The JSON renderer's byte output (what `maqal --format json` writes, whole or in pieces) is
/// the String API's output, byte for byte; and the writer's fast paths (escapes found a word at a
/// time, digits written in place, indents copied) write what the plain byte-by-byte forms wrote.
@Suite("JSON as bytes")
struct JSONBytesTests {
    static let fixtures = TestSupport.files(in: "text", extensions: ["txt"]).map { "text/\($0)" }
        + TestSupport.files(in: "html", extensions: ["html", "htm"]).map { "html/\($0)" }

    @Test("bytes, and bytes in pieces, equal the String renderer's output on every fixture", arguments: fixtures)
    func fixture(_ path: String) throws {
        let url = TestSupport.fixtures.appendingPathComponent(path)
        let document = try Maqal.parse(TestSupport.bytes(url), name: url.lastPathComponent)
        for compact in [false, true] {
            let string = JSONRenderer.render(document, compact: compact)
            #expect(JSONRenderer.utf8(document, compact: compact) == Array(string.utf8))
            #expect(JSONRenderer.utf8(document, compact: compact, newline: true) == Array((string + "\n").utf8))
            for chunkSize in [1, 100, 1 << 16] {
                var pieces: [[UInt8]] = []
                JSONRenderer.write(document, compact: compact, newline: true, chunkSize: chunkSize) { pieces.append(Array($0)) }
                #expect(pieces.joined().elementsEqual((string + "\n").utf8), "chunk size \(chunkSize)")
                #expect(pieces.allSatisfy { !$0.isEmpty })
            }
        }
    }

    @Test("strings are escaped as byte by byte, with the escape at every offset of a word")
    func escapes() {
        let specials: [UInt8] = Array(0..<0x20) + [0x22, 0x5C, 0x7F, 0x2F, 0x41]
        for special in specials {
            for offset in 0..<18 {
                let bytes = Array("عربي abc".utf8.prefix(offset)) + [special] + Array("xyz \"q\" نص".utf8)
                let text = String(decoding: bytes, as: UTF8.self)
                var writer = JSONWriter(pretty: false)
                writer.value(text)
                #expect(writer.string == Self.quotedByteByByte(text), "\(special) at \(offset)")
                // What Foundation reads back is the text.
                let decoded = try? JSONSerialization.jsonObject(with: Data(writer.bytes), options: .fragmentsAllowed) as? String
                #expect(decoded == text)
            }
        }
    }

    @Test("numbers are written as String(describing:) writes them")
    func numbers() {
        for number in [0, 1, -1, 9, 10, -10, 99, 100, 12_345, -987_654, Int.max, Int.min, Int.max - 1, Int.min + 1] {
            var writer = JSONWriter(pretty: false)
            writer.value(number)
            #expect(writer.string == String(number))
        }
    }

    @Test("indents are two spaces a level, however deep")
    func indents() {
        for depth in [1, 2, 63, 64, 65, 100] {
            var writer = JSONWriter(pretty: true)
            for _ in 0..<depth { writer.beginArray() }
            writer.value(1)
            for _ in 0..<depth { writer.endArray() }
            var expected = ""
            for level in 0..<depth { expected += (level == 0 ? "" : "\n" + String(repeating: " ", count: level * 2)) + "[" }
            expected += "\n" + String(repeating: " ", count: depth * 2) + "1"
            for level in (0..<depth).reversed() { expected += "\n" + String(repeating: " ", count: level * 2) + "]" }
            #expect(writer.string == expected, "depth \(depth)")
        }
    }

    static func quotedByteByByte(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
