import CoreFoundation
import Foundation
import Testing

@testable import Maqal

/// The Decode stage: byte-order marks, UTF-16, UTF-8 over any label, windows-1256 against
/// ISO-8859-6, user overrides, and mojibake repair (ARABIC.md §1.3–1.5).
@Suite("Decode")
struct DecodeTests {
    static let sample = "عنوان المقال: في المدينة من أجل الناس، وقالوا ذلك؟"

    static func page(_ head: String, _ body: String = sample) -> String {
        "<html><head>\(head)<title>\(body)</title></head><body><p>\(body)</p></body></html>"
    }

    static func bytes(_ text: String, _ encoding: TextEncoding) -> [UInt8] {
        switch encoding {
        case .utf8: return Array(text.utf8)
        case .utf16LE: return text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        case .utf16BE: return text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        case .windows1256: return CodePage.windows1256.encode(text)!
        case .iso88596: return CodePage.iso88596.encode(text)!
        case .windows1252: return CodePage.windows1252.encode(text)!
        }
    }

    struct Row: Sendable, CustomTestStringConvertible {
        let name: String
        let bytes: [UInt8]
        let encoding: TextEncoding
        let origin: Source.EncodingOrigin
        var testDescription: String { name }
    }

    /// The matrix of ARABIC.md §1.4: every way a page states (or misstates) its encoding.
    static let matrix: [Row] = [
        Row(name: "UTF-8, no declaration", bytes: bytes(page(""), .utf8), encoding: .utf8, origin: .sniffed),
        Row(name: "UTF-8 with BOM", bytes: [0xEF, 0xBB, 0xBF] + bytes(page(""), .utf8), encoding: .utf8, origin: .bom),
        Row(name: "UTF-8 with meta charset=utf-8", bytes: bytes(page("<meta charset=\"utf-8\">"), .utf8), encoding: .utf8, origin: .meta),
        Row(name: "UTF-8 bytes under a windows-1256 meta", bytes: bytes(page("<meta charset=\"windows-1256\">"), .utf8),
            encoding: .utf8, origin: .sniffed),
        Row(name: "UTF-8 BOM wins over a windows-1256 meta",
            bytes: [0xEF, 0xBB, 0xBF] + bytes(page("<meta charset=\"windows-1256\">"), .utf8), encoding: .utf8, origin: .bom),
        Row(name: "windows-1256 with http-equiv meta",
            bytes: bytes(page("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1256\">"), .windows1256),
            encoding: .windows1256, origin: .meta),
        Row(name: "windows-1256 with an HTML5 meta after the Arabic title",
            bytes: bytes("<html><head><title>\(sample)</title><meta charset=\"windows-1256\"></head><body><p>\(sample)</p></body></html>", .windows1256),
            encoding: .windows1256, origin: .meta),
        Row(name: "windows-1256, no declaration", bytes: bytes(page(""), .windows1256), encoding: .windows1256, origin: .sniffed),
        Row(name: "windows-1256 labelled utf-8", bytes: bytes(page("<meta charset=\"utf-8\">"), .windows1256),
            encoding: .windows1256, origin: .sniffed),
        Row(name: "windows-1256 labelled iso-8859-1", bytes: bytes(page("<meta charset=\"iso-8859-1\">"), .windows1256),
            encoding: .windows1256, origin: .sniffed),
        Row(name: "windows-1256 labelled x-cp1256", bytes: bytes(page("<meta charset=\"x-cp1256\">"), .windows1256),
            encoding: .windows1256, origin: .meta),
        Row(name: "ISO-8859-6 with meta", bytes: bytes(page("<meta charset=\"iso-8859-6\">"), .iso88596),
            encoding: .iso88596, origin: .meta),
        Row(name: "ISO-8859-6 labelled arabic", bytes: bytes(page("<meta charset=\"arabic\">"), .iso88596),
            encoding: .iso88596, origin: .meta),
        Row(name: "ISO-8859-6, no declaration", bytes: bytes(page(""), .iso88596), encoding: .iso88596, origin: .sniffed),
        Row(name: "UTF-16LE with BOM", bytes: [0xFF, 0xFE] + bytes(page(""), .utf16LE), encoding: .utf16LE, origin: .bom),
        Row(name: "UTF-16BE with BOM", bytes: [0xFE, 0xFF] + bytes(page(""), .utf16BE), encoding: .utf16BE, origin: .bom),
        Row(name: "UTF-16LE without BOM", bytes: bytes(page(""), .utf16LE), encoding: .utf16LE, origin: .sniffed),
        Row(name: "UTF-16BE without BOM", bytes: bytes(page(""), .utf16BE), encoding: .utf16BE, origin: .sniffed),
        Row(name: "XML declaration", bytes: bytes("<?xml version=\"1.0\" encoding=\"windows-1256\"?>" + page(""), .windows1256),
            encoding: .windows1256, origin: .meta),
    ]

    @Test("encoding matrix: the right decoder, the right reason, the right text", arguments: matrix)
    func encodingMatrix(_ row: Row) throws {
        let document = try Maqal.parse(row.bytes, name: "page.html")
        #expect(document.source.encoding == row.encoding.rawValue)
        #expect(document.source.encodingFrom == row.origin)
        #expect(document.metadata.title == Self.sample)
        #expect(TestSupport.paragraphs(document.body).map(\.text) == [Self.sample])
        #expect(!JSONRenderer.render(document).contains("\u{FFFD}"))
    }

    @Test("--encoding overrides detection")
    func userEncoding() throws {
        let bytes = Self.bytes(Self.page(""), .iso88596)
        let document = try Maqal.parse(bytes, name: "page.html", options: ParseOptions(encoding: .iso88596))
        #expect(document.source.encodingFrom == .user)
        #expect(document.metadata.title == Self.sample)
    }

    @Test("an --encoding the bytes are right in adds no diagnostic")
    func userEncodingRight() throws {
        let bytes = Self.bytes(Self.page(""), .iso88596)
        let document = try Maqal.parse(bytes, name: "page.html", options: ParseOptions(encoding: .iso88596))
        #expect(document.diagnostics.allSatisfy { $0.id != "encoding.invalid-bytes" })
    }

    @Test("an --encoding the bytes are invalid in: each invalid sequence counted once, with what detection reads",
          arguments: [
        // Two windows-1256 bytes that are no UTF-8 (a lead byte then a letter, a lone continuation).
        ([0xC7, 0x41, 0x20, 0x80, 0x20], TextEncoding.utf8, 2),
        // 0xA1 and 0xB0 have no character in ISO-8859-6; 0xC7 (alef) has one.
        ([0xA1, 0x41, 0xB0, 0xC7], .iso88596, 2),
        // A real U+FFFD spelled in UTF-16 is no error; the odd last byte is.
        ([0x41, 0x00, 0xFD, 0xFF, 0x42, 0x00, 0x43], .utf16LE, 1),
        // An unpaired high surrogate.
        ([0x41, 0x00, 0x00, 0xD8, 0x42, 0x00], .utf16LE, 1),
    ])
    func userEncodingWrong(_ prefix: [UInt8], _ encoding: TextEncoding, _ invalid: Int) throws {
        let text = encoding == .utf16LE ? Array("نص عربي قصير للاختبار".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
            : Array("plain words here".utf8)
        let bytes = encoding == .utf16LE ? text + prefix : prefix + text
        let document = try Maqal.parse(bytes, name: "x.txt", options: ParseOptions(encoding: encoding))
        let diagnostic = try #require(document.diagnostics.first { $0.id == "encoding.invalid-bytes" })
        #expect(diagnostic.severity == .warning)
        #expect(diagnostic.message.hasPrefix("\(invalid) byte sequence\(invalid == 1 ? " is" : "s are") invalid in \(encoding.rawValue)"),
                "\(diagnostic.message)")
    }

    @Test("plain text in windows-1256 is sniffed like HTML")
    func legacyText() throws {
        let bytes = Self.bytes("العنوان\n\n" + Self.sample + ".\n", .windows1256)
        let document = try Maqal.parse(bytes, name: "old.txt")
        #expect(document.source.encoding == "windows-1256")
        #expect(document.metadata.title == "العنوان")
    }

    @Test("labels resolve the way WHATWG names them", arguments: [
        ("cp1256", TextEncoding.windows1256), ("WINDOWS-1256", .windows1256), ("asmo-708", .iso88596),
        ("ISO_8859-6", .iso88596), ("latin1", .windows1252), ("UTF8", .utf8), ("utf-16", .utf16LE),
    ])
    func labels(_ label: String, _ encoding: TextEncoding) {
        #expect(TextEncoding(label: label) == encoding)
    }

    @Test("our code-page tables agree with Foundation's converters, byte for byte")
    func codePagesAgreeWithFoundation() throws {
        let pairs: [(CodePage, CFStringEncodings)] = [(.windows1256, .windowsArabic), (.iso88596, .isoLatinArabic)]
        for (page, cfEncoding) in pairs {
            let encoding = String.Encoding(rawValue: CFStringConvertEncodingToNSStringEncoding(CFStringEncoding(cfEncoding.rawValue)))
            for byte in 0x80...0xFF where page.isDefined(UInt8(byte)) && !(0x80...0x9F).contains(byte) || page.name == "windows-1256" {
                let ours = page.decode([UInt8(byte)])
                guard let theirs = String(data: Data([UInt8(byte)]), encoding: encoding) else { continue }
                #expect(ours == theirs, "\(page.name) byte \(String(byte, radix: 16))")
            }
        }
    }

    @Test("truncated UTF-8 at the end of a file is still UTF-8")
    func truncatedUTF8() throws {
        var bytes = Array("العنوان\n\nنص المقال.\nكلمة".utf8)
        bytes.append(0xD8)
        let document = try Maqal.parse(bytes, name: "cut.txt")
        #expect(document.source.encoding == "utf-8")
        #expect(document.diagnostics.contains { $0.id == "encoding.truncated" })
        #expect(!TestSupport.bodyText(document).contains("\u{FFFD}"))
    }

    // MARK: - Mojibake

    static func utf8ReadAs(_ page: CodePage, _ text: String) -> String {
        page.decode(Array(text.utf8))
    }

    @Test("mojibake is repaired per run", arguments: [
        ("UTF-8 read as windows-1252", utf8ReadAs(.windows1252, "العربية في المدينة")),
        ("UTF-8 read as windows-1256", utf8ReadAs(.windows1256, "العربية في المدينة")),
        ("UTF-8 encoded twice", utf8ReadAs(.windows1252, utf8ReadAs(.windows1252, "العربية في المدينة"))),
        ("windows-1256 read as Latin-1", CodePage.windows1252.decode(CodePage.windows1256.encode("العربية في المدينة")!)),
    ])
    func mojibake(_ name: String, _ broken: String) {
        #expect(MojibakeRepair.repair(broken) == "العربية في المدينة", "\(name): \(broken)")
    }

    @Test("clean text is never 'repaired'", arguments: [
        "العربية في المدينة", "Çà et là, un été français", "Ørsted and Ümit went to Ústí", "ط§ is a pair of letters",
        "مرحبا Hello €5",
    ])
    func cleanText(_ text: String) {
        #expect(MojibakeRepair.repair(text) == nil)
    }

    @Test("a page with mojibake fields is repaired and says so")
    func mojibakePage() throws {
        let broken = Self.utf8ReadAs(.windows1252, Self.sample)
        let html = "<html><head><meta charset=\"utf-8\"><title>\(broken)</title></head><body><p>\(Self.sample)</p></body></html>"
        let document = try Maqal.parse(Array(html.utf8), name: "page.html")
        #expect(document.metadata.title == Self.sample)
        #expect(document.source.encodingFrom == .repaired)
        #expect(document.diagnostics.contains { $0.id == "encoding.repaired" })
    }
}
