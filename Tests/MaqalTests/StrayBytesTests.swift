import Testing

@testable import Maqal

/// A short input and how it must be decoded.
struct StrayBytesCase: Sendable, CustomTestStringConvertible {
    let bytes: [UInt8]
    let encoding: TextEncoding
    /// The `encoding.invalid-bytes` message, when one is due.
    let message: String?
    let testDescription: String
}

enum StrayBytesCases {
    static let sentence = "افتتحت البلدية مكتبة صغيرة للأطفال، تضم ألفي كتاب."
    static let utf8 = Array(sentence.utf8)

    static func inserting(_ bad: [UInt8], every stride: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        for (index, byte) in utf8.enumerated() {
            // Between characters only: before a lead or ASCII byte.
            if index > 0, index % stride == 0, byte & 0xC0 != 0x80 { bytes += bad }
            bytes.append(byte)
        }
        return bytes
    }

    static let cases: [StrayBytesCase] = [
        .init(bytes: Array("عنوان".utf8) + [0xFF] + Array("قصير".utf8), encoding: .utf8,
              message: "1 byte was not valid utf-8 and became U+FFFD", testDescription: "one stray byte in nine letters"),
        .init(bytes: [0x93] + utf8 + [0x94, 0xD9], encoding: .utf8,
              message: "3 bytes were not valid utf-8 and became U+FFFD", testDescription: "1252 quotes and a cut lead in a sentence"),
        .init(bytes: CodePage.windows1256.encode(sentence)!, encoding: .windows1256, message: nil,
              testDescription: "the same sentence in windows-1256"),
        .init(bytes: CodePage.windows1256.encode("ضغط، الدم؛ وما سببه؟ «الكلمة» گ پ")!, encoding: .windows1256, message: nil,
              testDescription: "windows-1256 with its 80–BF punctuation after letters"),
    ]
}

@Suite("Stray bytes in UTF-8")
struct StrayBytesTests {
    @Test("Judged by the share of high bytes in valid sequences", arguments: StrayBytesCases.cases)
    func decode(_ testCase: StrayBytesCase) {
        let decoded = ByteDecoder.decode(testCase.bytes, format: .text, user: nil)
        #expect(decoded.encoding == testCase.encoding)
        let said = decoded.diagnostics.first { $0.id == "encoding.invalid-bytes" }
        #expect(said?.message == testCase.message)
        if testCase.encoding == .utf8 { #expect(decoded.text.contains("\u{FFFD}")) }
    }

    @Test("Nine in ten high bytes valid is UTF-8; fewer is not")
    func threshold() {
        // 2 high bytes per letter: 18 letters are 36 valid high bytes; 4 invalid bytes are 10 %.
        let letters = Array(String(repeating: "ب", count: 18).utf8)
        #expect(ByteDecoder.decode(letters + [0xFF, 0xFF, 0xFF, 0xFF], format: .text, user: nil).encoding == .utf8)
        #expect(ByteDecoder.decode(letters + [0xFF, 0xFF, 0xFF, 0xFF, 0xFF], format: .text, user: nil).encoding != .utf8)
    }

    @Test("Arabic windows-1256 text forms UTF-8 sequences only by chance")
    func windows1256Share() throws {
        let paragraphs = [
            StrayBytesCases.sentence,
            "وقال المتحدث باسم الوزارة، في مؤتمر صحفي عقده اليوم، إن الخطة تشمل خمس مراحل؛ أولاها تبدأ الشهر المقبل.",
            "هل يمكن زراعة النعناع في الماء فقط؟ نعم، لكن الجذور تحتاج إلى ضوء غير مباشر وتغيير الماء كل أسبوع.",
        ]
        for paragraph in paragraphs {
            let tally = UTF8Validation.tally(try #require(CodePage.windows1256.encode(paragraph)))
            #expect(tally.validHigh * 4 < tally.invalid, "\(paragraph)")
        }
    }
}
