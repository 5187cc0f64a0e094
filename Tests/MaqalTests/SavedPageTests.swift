import Foundation
import Testing

@testable import Maqal

/// One article saved every way a person saves a page (Fixtures/saved): each must read as the plain
/// page does, and a broken container says what it could read.
@Suite("Saved pages")
struct SavedPageTests {
    static let folder = TestSupport.fixtures.appendingPathComponent("saved")
    static let twinName = "olive-festival.html"
    /// Every saved form of the article, with how its figures' `src` differ from the plain page's.
    static let forms: [(name: String, format: Source.Format, figures: FigureSources)] = [
        ("olive-festival-chrome.mhtml", .mhtml, .same),
        ("olive-festival-ie-1256.mht", .mhtml, .same),
        ("olive-festival-safari.webarchive", .webarchive, .same),
        ("olive-festival-singlefile.html", .html, .inlined),
        ("complete/olive-festival.html", .html, .savedFolder),
    ]
    static let goldenNames = [twinName] + forms.map(\.name)

    enum FigureSources {
        /// The same absolute addresses as the plain page.
        case same
        /// Inlined as `data:` URIs: `null` by default.
        case inlined
        /// Relative paths into `olive-festival_files/`.
        case savedFolder
    }

    static func parse(_ name: String, options: ParseOptions = ParseOptions()) throws -> Document {
        try Maqal.parse(TestSupport.bytes(folder.appendingPathComponent(name)), name: name, options: options)
    }

    static var twin: Document { get throws { try parse(twinName) } }

    /// `document` with its source taken from `twin` and its figures' `src` mapped back to the plain
    /// page's, so what is left to compare is everything a reader sees.
    static func comparable(_ document: Document, like twin: Document, figures: FigureSources) -> Document {
        var copy = document
        copy.source = twin.source
        copy.diagnostics = copy.diagnostics.filter { $0.id != ImageSource.dataOmittedID }
        let twinFigures = TestSupport.figures(twin.body)
        var index = 0
        copy.body = mapFigures(copy.body) { figure in
            defer { index += 1 }
            var figure = figure
            switch figures {
            case .same: break
            case .inlined:
                #expect(figure.src == nil, "an inlined image's src is null by default")
                figure.src = index < twinFigures.count ? twinFigures[index].src : nil
            case .savedFolder:
                let file = (twinFigures[index].src ?? "").split(separator: "/").last.map(String.init) ?? ""
                #expect(figure.src == "./olive-festival_files/" + file, "an image in the saved folder stays relative")
                figure.src = twinFigures[index].src
            }
            return figure
        }
        return copy
    }

    static func mapFigures(_ blocks: [Block], _ transform: (Figure) -> Figure) -> [Block] {
        blocks.map { block in
            switch block {
            case .figure(let figure): .figure(transform(figure))
            case .section(var section):
                { section.children = mapFigures(section.children, transform); return .section(section) }()
            case .quote(var quote):
                { quote.children = mapFigures(quote.children, transform); return .quote(quote) }()
            default: block
            }
        }
    }

    // MARK: - The same article in every form

    @Test("each saved form reads as the plain page does (source fields and inlined images aside)", arguments: forms.map(\.name))
    func sameAsPlainPage(_ name: String) throws {
        let form = try #require(Self.forms.first { $0.name == name })
        let twin = try Self.twin
        let document = try Self.parse(name)
        #expect(document.source.format == form.format)
        #expect(document.body.count > 4 && TestSupport.figures(document.body).count == 2)
        #expect(Self.comparable(document, like: twin, figures: form.figures) == twin)
        let markdown = MarkdownRenderer.render(document)
        #expect(!markdown.contains("\u{FFFD}") && !markdown.contains("=D8") && !markdown.contains("إعلان"),
                "no replacement character, no quoted-printable, no text of the ad frame")
    }

    @Test("golden JSON and Markdown of the plain page and each saved form", arguments: goldenNames)
    func golden(_ name: String) throws {
        let document = try Self.parse(name)
        let stem = Self.folder.appendingPathComponent(name).deletingPathExtension()
        try expectGolden(JSONRenderer.render(document) + "\n", at: stem.appendingPathExtension("expected.json"))
        try expectGolden(MarkdownRenderer.render(document), at: stem.appendingPathExtension("expected.md"))
        let decoded = try JSONDecoder().decode(Document.self, from: Data((JSONRenderer.render(document)).utf8))
        #expect(decoded == document)
    }

    @Test("the plain page's golden body is every form's golden body")
    func goldenBodiesAgree() throws {
        let twin = try JSONSerialization.jsonObject(
            with: Data(contentsOf: Self.folder.appendingPathComponent("olive-festival.expected.json"))) as? [String: Any]
        for form in Self.forms where form.figures == .same {
            let url = Self.folder.appendingPathComponent(form.name).deletingPathExtension().appendingPathExtension("expected.json")
            let golden = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
            for key in ["metadata", "stats", "body", "diagnostics"] {
                #expect(NSDictionary(dictionary: ["v": golden?[key] as Any]) == NSDictionary(dictionary: ["v": twin?[key] as Any]),
                        "\(form.name): \(key)")
            }
        }
    }

    // MARK: - MHTML

    @Test("the UTF-8 MHTML file breaks lines inside characters, and they are whole again")
    func softBreaksInsideCharacters() throws {
        let raw = try String(contentsOf: Self.folder.appendingPathComponent("olive-festival-chrome.mhtml"), encoding: .ascii)
        // A lead byte (D8, D9) at a line's end, its continuation byte on the next line.
        #expect(raw.range(of: #"=D[89]=\r\n=[89AB][0-9A-F]"#, options: .regularExpression) != nil)
        let document = try Self.parse("olive-festival-chrome.mhtml")
        #expect(document.metadata.authors == ["سلمى الحداد"])
        #expect(TestSupport.bodyText(document).contains("بِدعوةٍ إلى غرس ألف شجرة"))
    }

    @Test("the windows-1256 MHTML part is read in the charset its header names")
    func partCharset() throws {
        let document = try Self.parse("olive-festival-ie-1256.mht")
        #expect(document.source.encoding == "windows-1256")
        #expect(document.source.encodingFrom == .declared)
        #expect(TestSupport.figures(document.body).first?.src == "https://olive-news.example/images/harvest.jpg",
                "a cid: image resolves to its part's Content-Location")
    }

    @Test("MHTML is known by its content, whatever the file is called")
    func sniffedNotNamed() throws {
        let bytes = try TestSupport.bytes(Self.folder.appendingPathComponent("olive-festival-chrome.mhtml"))
        for name in ["saved.html", "saved.txt", "saved", nil] {
            #expect(try Maqal.parse(bytes, name: name).source.format == .mhtml, "\(name ?? "nil")")
        }
    }

    @Test("the Subject is the title of a page without one, and Snapshot-Content-Location its address")
    func subjectAndSnapshot() throws {
        let html = "<html><body><article><p>\(Self.paragraph) <a href=\"../other\">رابط</a></p><p>\(Self.paragraph)</p></article></body></html>"
        for (subject, expected) in [
            ("=?utf-8?B?2YXZh9ix2KzYp9mGINin2YTYsg==?= =?utf-8?B?2YrYqtmI2YY=?=", "مهرجان الزيتون"),
            ("=?windows-1256?Q?=E3=E5=D1=CC=C7=E4_=C7=E1=D2=ED=CA=E6=E4?=", "مهرجان الزيتون"),
            ("Olive =?utf-8?Q?=D9=85=D9=87=D8=B1?= festival", "Olive مهر festival"),
        ] {
            let mhtml = Self.mhtml(
                headers: "Snapshot-Content-Location: https://olive-news.example/news/a/page\r\nSubject: \(subject)\r\n",
                parts: [("Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: 8bit", html)])
            let document = try Maqal.parse(Array(mhtml.utf8))
            #expect(document.metadata.title == expected)
            #expect(document.metadata.url == "https://olive-news.example/news/a/page")
            #expect(JSONRenderer.render(document, compact: true).contains(#""href":"https://olive-news.example/news/other""#))
        }
    }

    @Test("a base64 page part is read")
    func base64Part() throws {
        let html = "<html><head><title>عنوان</title></head><body><article><p>\(Self.paragraph)</p></article></body></html>"
        let encoded = Data(html.utf8).base64EncodedString(options: .lineLength76Characters)
        let mhtml = Self.mhtml(parts: [("Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64", encoded)])
        let document = try Maqal.parse(Array(mhtml.utf8))
        #expect(TestSupport.paragraphs(document.body).map(\.text) == [Self.paragraph])
        #expect(document.diagnostics.isEmpty)
    }

    @Test("an MHTML file cut off inside the page's part keeps what it holds and says so")
    func cutOffMidPart() throws {
        let bytes = try TestSupport.bytes(Self.folder.appendingPathComponent("olive-festival-chrome.mhtml"))
        let html = try #require(String(decoding: bytes, as: UTF8.self).range(of: "=D8=A3=D8=B3=D8=B9=D8=A7=D8=B1"))
        let cut = Array(bytes.prefix(String(decoding: bytes, as: UTF8.self)[..<html.upperBound].utf8.count + 40))
        let document = try Maqal.parse(cut, name: "cut.mhtml")
        #expect(document.diagnostics.contains { $0.id == ContainerDiagnostic.truncatedID })
        #expect(TestSupport.bodyText(document).contains("عاد مهرجان الزيتون السنوي"))
        #expect(!TestSupport.bodyText(document).contains("=D8"))

        // Cut after the page, inside an image part: the page is whole.
        let image = try #require(String(decoding: bytes, as: UTF8.self).range(of: "Content-Type: image/jpeg"))
        let later = Array(bytes.prefix(String(decoding: bytes, as: UTF8.self)[..<image.upperBound].utf8.count + 200))
        let whole = try Maqal.parse(later)
        #expect(whole.diagnostics.map(\.id) == [ContainerDiagnostic.truncatedID])
        #expect(whole.body == (try Self.parse("olive-festival-chrome.mhtml")).body)
    }

    @Test("a wrong or missing boundary: the parts are found by their delimiter lines")
    func wrongBoundary() throws {
        let html = "<html><head><title>عنوان</title></head><body><article><p>\(Self.paragraph)</p></article></body></html>"
        let good = Self.mhtml(parts: [("Content-Type: text/html; charset=utf-8", html)])
        for header in ["boundary=\"----not-the-one----\"", "type=\"text/html\""] {
            let broken = good.replacingOccurrences(of: "boundary=\"\(Self.boundary)\"", with: header)
            #expect(broken != good)
            let document = try Maqal.parse(Array(broken.utf8))
            #expect(TestSupport.paragraphs(document.body).map(\.text) == [Self.paragraph])
            #expect(document.diagnostics.map(\.id) == [ContainerDiagnostic.boundaryID])
        }
    }

    @Test("an MHTML file with no parts or no page is an error that says so", arguments: [
        ("no delimiter at all", "From: <Saved by Blink>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"abc\"\r\n\r\nno parts here\r\n",
         "boundary \"abc\" never appears"),
        ("only an image", "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b1\"\r\n\r\n--b1\r\nContent-Type: image/png\r\n\r\nxyz\r\n--b1--\r\n",
         "none of its 1 parts is text/html"),
        ("cut in its header", "From: <Saved by Blink>\r\nSubject: x\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";",
         "cut off inside its header"),
        ("cut before the page", "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b1\"\r\n\r\n--b1\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n",
         "cut off before the page's content"),
    ])
    func brokenWithoutPage(_ label: String, _ mhtml: String, _ reason: String) throws {
        #expect(throws: ParseError.self) { try Maqal.parse(Array(mhtml.utf8)) }
        do {
            _ = try Maqal.parse(Array(mhtml.utf8))
        } catch {
            #expect(error.description.contains(reason), "\(label): \(error.description)")
        }
    }

    @Test("text that merely starts like a header is not MHTML")
    func notMHTML() throws {
        let text = "Subject: a note about olives\n\n\(Self.paragraph)\n"
        let document = try Maqal.parse(Array(text.utf8))
        #expect(document.source.format == .text)
    }

    // MARK: - Webarchive

    @Test("a webarchive's encoding name and URL are the page's charset and address")
    func webarchiveHints() throws {
        let html = "<html><body><article><p>\(Self.paragraph)</p><p>\(Self.paragraph)</p></article></body></html>"
        let page = try #require(CodePage.windows1256.encode(html))
        let archive = try Self.webarchive(page, encoding: "windows-1256", url: "https://olive-news.example/a")
        let document = try Maqal.parse(archive, name: "page.webarchive")
        #expect(document.source.format == .webarchive)
        #expect(document.source.encoding == "windows-1256" && document.source.encodingFrom == .declared)
        #expect(document.metadata.url == "https://olive-news.example/a")
        #expect(TestSupport.paragraphs(document.body).first?.text == Self.paragraph)
    }

    @Test("a corrupt, cut or foreign property list is an error, never bytes passed off as a page")
    func brokenWebarchive() throws {
        let good = try TestSupport.bytes(Self.folder.appendingPathComponent("olive-festival-safari.webarchive"))
        let foreign = try PropertyListSerialization.data(fromPropertyList: ["Name": "olive"], format: .binary, options: 0)
        for (label, bytes, reason) in [
            ("cut", Array(good.prefix(good.count / 2)), "corrupt"),
            ("garbage", Array("bplist00".utf8) + [UInt8](repeating: 0xEE, count: 300), "corrupt"),
            ("foreign", [UInt8](foreign), "no WebMainResource"),
        ] {
            do {
                let document = try Maqal.parse(bytes, name: "x.webarchive")
                Issue.record("\(label): read as a document: \(document.body.count) blocks")
            } catch {
                #expect(error.description.contains(reason), "\(label): \(error.description)")
            }
        }
    }

    // MARK: - gzip

    @Test("a gzip page reads as the page, and says it was compressed")
    func gzipPage() throws {
        let plain = try TestSupport.bytes(Self.folder.appendingPathComponent(Self.twinName))
        let document = try Maqal.parse(Deflate.compress(plain), name: "olive-festival.html.gz")
        let twin = try Self.twin
        #expect(document.source.compression == .gzip && document.source.format == .html)
        #expect(document.source.bytes < plain.count)
        #expect(Self.comparable(document, like: twin, figures: .same) == twin)
        #expect(JSONRenderer.render(document).contains(#""compression": "gzip""#))
        #expect(!JSONRenderer.render(twin).contains("compression"), "absent from pages that were not compressed")

        // A gzipped MHTML file is an MHTML file.
        let mhtml = try TestSupport.bytes(Self.folder.appendingPathComponent("olive-festival-chrome.mhtml"))
        let unpacked = try Maqal.parse(Deflate.compress(mhtml), name: "page.mhtml.gz")
        #expect(unpacked.source.format == .mhtml && unpacked.source.compression == .gzip)
    }

    @Test("a cut gzip stream keeps what it holds and says so; one with nothing readable is an error")
    func brokenGzip() throws {
        let plain = try TestSupport.bytes(Self.folder.appendingPathComponent(Self.twinName))
        let packed = Deflate.compress(plain)
        let cut = try Maqal.parse(Array(packed.prefix(packed.count * 2 / 3)), name: "cut.html.gz")
        #expect(cut.diagnostics.contains { $0.id == ContainerDiagnostic.truncatedID })
        #expect(TestSupport.bodyText(cut).contains("عاد مهرجان الزيتون السنوي"))
        for bytes in [Array(packed.prefix(12)), [0x1F, 0x8B, 0x08, 0x00] + [UInt8](repeating: 0xFF, count: 40)] {
            #expect(throws: ParseError.self) { try Maqal.parse(bytes, name: "bad.html.gz") }
        }
        let limited = ParseOptions(maxBytes: 1000)
        #expect(throws: ParseError.self) { try Maqal.parse(packed, options: limited) }
    }

    // MARK: - SingleFile and "Webpage, Complete"

    @Test("SingleFile's inlined images: src null and a diagnostic by default, kept when asked; placeholders are no figures")
    func inlinedImages() throws {
        let document = try Self.parse("olive-festival-singlefile.html")
        let figures = TestSupport.figures(document.body)
        #expect(figures.count == 2 && figures.allSatisfy { $0.src == nil })
        #expect(figures.first?.alt == "قطاف الزيتون في عين الصفا")
        let note = try #require(document.diagnostics.first { $0.id == ImageSource.dataOmittedID })
        #expect(note.message.hasPrefix("2 figure images were inlined as data: URIs"))
        #expect(!JSONRenderer.render(document).contains("base64"))

        let kept = try Self.parse("olive-festival-singlefile.html", options: ParseOptions(keepDataImages: true))
        let keptFigures = TestSupport.figures(kept.body)
        #expect(keptFigures.count == 2 && keptFigures.allSatisfy { $0.src?.hasPrefix("data:image/jpeg;base64,/9j/") == true })
        #expect(!kept.diagnostics.contains { $0.id == ImageSource.dataOmittedID })
    }

    @Test("megabytes of inlined images are lifted before libxml2 and given back whole when kept")
    func liftedImages() throws {
        let payload = String(repeating: "QUJDRA", count: 200_000) + "=="
        let uri = "data:image/png;base64," + payload
        let html = """
            <html><head><meta property="og:image" content="\(uri)">
            <style>@font-face { src: url(data:font/woff2;base64,\(payload)) }</style></head><body><article>
            <p>\(Self.paragraph)</p><figure><img src="\(uri)" alt="صورة"><figcaption>تعليق</figcaption></figure>
            <figure><img src='\(uri)' alt="ثانية"></figure><p>\(Self.paragraph)</p></article></body></html>
            """
        let document = try Maqal.parse(Array(html.utf8))
        #expect(TestSupport.figures(document.body).map(\.src) == [nil, nil])
        #expect(document.metadata.image == nil, "an inlined og:image is no address")
        #expect(TestSupport.figures(document.body).map(\.alt) == ["صورة", "ثانية"])
        let note = try #require(document.diagnostics.first { $0.id == ImageSource.dataOmittedID })
        #expect(note.message.hasPrefix("2 figure images were inlined as data: URIs (2 MB)"), "\(note.message)")
        let kept = try Maqal.parse(Array(html.utf8), options: ParseOptions(keepDataImages: true))
        #expect(TestSupport.figures(kept.body).map(\.src) == [uri, uri])
        #expect(kept.metadata.image == nil, "a kept inlined image is not repeated as the page's image")
        #expect(!JSONRenderer.render(kept).contains(InlinedData.marker))
    }

    @Test("only long payloads that open an attribute value or a url() are lifted")
    func liftingRules() {
        let long = String(repeating: "A", count: InlinedData.minimum)
        var page = Array("<img src=\"data:image/gif;base64,\(long)\"><img src=data:x,\(long) alt=a><p>data:x,\(long)</p>".utf8)
        let payloads = InlinedData.lift(from: &page)
        #expect(payloads.count == 2 && payloads.allSatisfy { $0.count == InlinedData.minimum })
        #expect(String(decoding: page, as: UTF8.self)
                == "<img src=\"data:image/gif;base64,maqal-lifted-0\"><img src=data:x,maqal-lifted-1 alt=a><p>data:x,\(long)</p>")
        var short = Array("<img src=\"data:image/gif;base64,R0lGOD\">".utf8)
        #expect(InlinedData.lift(from: &short).isEmpty)
    }

    @Test("the address in a saved page's mark is its URL when it names none", arguments: [
        "<!DOCTYPE html>\n<!-- saved from url=(0032)https://olive-news.example/saved -->\n<html>",
        "<!DOCTYPE html> <html><!--\n Page saved with SingleFile \n url: https://olive-news.example/saved \n saved date: x\n-->",
    ])
    func savedMark(_ head: String) throws {
        let html = head + "<body><article><p>\(Self.paragraph)</p><p>\(Self.paragraph)</p></article></body></html>"
        #expect(try Maqal.parse(Array(html.utf8)).metadata.url == "https://olive-news.example/saved")
    }

    @Test("addresses into the page's own _files folder stay relative; others resolve")
    func savedFolderLinks() throws {
        let html = """
            <html><head><link rel="canonical" href="https://olive-news.example/a/b"></head><body><article>
            <p>\(Self.paragraph)</p><figure><img src="My%20page_files/one.jpg" alt="أ"></figure>
            <figure><img src="other_files/two.jpg" alt="ب"></figure><p>\(Self.paragraph)</p></article></body></html>
            """
        let document = try Maqal.parse(Array(html.utf8), name: "saved/My page.html")
        #expect(TestSupport.figures(document.body).map(\.src) == ["My%20page_files/one.jpg", "https://olive-news.example/a/other_files/two.jpg"])
    }

    // MARK: - Pieces

    @Test("quoted-printable decodes to bytes", arguments: [
        ("a=3Db", "a=b"), ("=D8=\r\n=A7", "ا"), ("=d8=a7", "ا"), ("soft=  \nbreak", "softbreak"), ("a = b", "a = b"),
        ("end=", "end"), ("=ZZ", "=ZZ"), ("=\r", ""),
    ])
    func quotedPrintable(_ encoded: String, _ decoded: String) {
        #expect(QuotedPrintable.decode(Array(encoded.utf8)[...]) == Array(decoded.utf8))
    }

    @Test("RFC 2047 words: B and Q, a character split between words, unknown charsets kept", arguments: [
        ("=?utf-8?Q?=D9=85=D9?= =?utf-8?Q?=87?=", "مه"),
        ("=?UTF-8?B?2YXZhw==?=", "مه"),
        ("=?windows-1256?Q?=E3=E5_=D1?=", "مه ر"),
        ("=?utf-8*ar?Q?=D9=85?=", "م"),
        ("=?koi8-r?Q?=C1?= x", "=?koi8-r?Q?=C1?= x"),
        ("=?utf-8?Q?a?= b =?utf-8?Q?c?=", "a b c"),
        ("plain subject", "plain subject"),
    ])
    func encodedWords(_ value: String, _ decoded: String) {
        #expect(EncodedWords.decode(value) == decoded)
    }

    @Test("base64 bodies: line breaks skipped, a cut quantum dropped and said")
    func base64() {
        let whole = Base64.decode(Array("2YXZ\r\nhw==".utf8)[...])
        #expect(whole.bytes == Array("مه".utf8) && whole.complete)
        // Six bits left over are no byte; twelve are one, with the padding left out.
        let cut = Base64.decode(Array("2YXZh".utf8)[...])
        #expect(cut.bytes == [0xD9, 0x85, 0xD9] && !cut.complete)
        let unpadded = Base64.decode(Array("2YXZhw".utf8)[...])
        #expect(unpadded.bytes == Array("مه".utf8) && !unpadded.complete)
    }

    // MARK: - Helpers

    static let paragraph = "عاد مهرجان الزيتون السنوي إلى القرية هذا الأسبوع بعد غياب دام خمس سنوات، واحتشد مئات الزوار في الساحة."
    static let boundary = "----MultipartBoundary--test----"

    static func mhtml(headers: String = "", parts: [(headers: String, body: String)]) -> String {
        var text = "From: <Saved by Blink>\r\n" + headers + "MIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n"
            + "\ttype=\"text/html\";\r\n\tboundary=\"\(boundary)\"\r\n\r\n\r\n"
        for part in parts { text += "--\(boundary)\r\n\(part.headers)\r\n\r\n\(part.body)\r\n" }
        return text + "--\(boundary)--\r\n"
    }

    static func webarchive(_ page: [UInt8], encoding: String, url: String) throws -> [UInt8] {
        let main: [String: Any] = [
            "WebResourceData": Data(page), "WebResourceMIMEType": "text/html", "WebResourceTextEncodingName": encoding,
            "WebResourceURL": url, "WebResourceFrameName": "",
        ]
        return [UInt8](try PropertyListSerialization.data(fromPropertyList: ["WebMainResource": main], format: .binary, options: 0))
    }
}
