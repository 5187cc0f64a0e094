import Foundation
import Testing

@testable import Maqal

/// The Decode stage reads the page's first bytes in place (charset declaration, saved-page mark,
/// UTF-16 and binary sniffs) instead of copying, lower-casing or decoding them first. Each reader
/// is held here to the answers of the plainer reading it replaced, on every fixture, every corpus
/// page and seeded variations of them: a different answer would change a page's encoding or URL.
@Suite("Decode: reading the bytes in place")
struct DecodeInPlaceTests {
    /// Every input file of the fixtures, and of the corpus when it is there.
    static func inputs() -> [[UInt8]] {
        var folders = [TestSupport.fixtures]
        if TestSupport.corpusAvailable { folders.append(TestSupport.corpus) }
        var pages: [[UInt8]] = []
        for folder in folders {
            let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
            while let url = walker?.nextObject() as? URL {
                guard ["html", "htm", "txt", "mhtml", "mht", "webarchive"].contains(url.pathExtension),
                    !url.lastPathComponent.contains(".expected."), let data = FileManager.default.contents(atPath: url.path)
                else { continue }
                pages.append([UInt8](data))
            }
        }
        return pages
    }

    /// Pages and seeded variations: letters' case flipped, cut at a random place, a random byte set.
    static func variations(_ name: String, count: Int = 6) -> [[UInt8]] {
        var generator = SeededGenerator(name)
        var pages: [[UInt8]] = []
        for page in inputs() {
            pages.append(page)
            let head = Array(page.prefix(ByteDecoder.declarationWindow + 64))
            guard !head.isEmpty else { continue }
            for _ in 0..<count {
                var bytes = head.map { byte -> UInt8 in
                    byte &- 0x41 < 26 || byte &- 0x61 < 26 ? (Bool.random(using: &generator) ? byte ^ 0x20 : byte) : byte
                }
                if Bool.random(using: &generator) { bytes = Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &generator))) }
                if !bytes.isEmpty, Bool.random(using: &generator) {
                    bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
                }
                pages.append(bytes)
            }
        }
        return pages
    }

    @Test("the charset declaration is found as the copying search found it")
    func charsetDeclaration() {
        let handMade = [
            "<?xml version=\"1.0\" encoding=\"ISO-8859-6\"?><html>", "<?XML encoding= 'x'?><meta charset=utf-8>",
            "<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; CHARSET=Windows-1256\">",
            "<meta name=x><meta charset=\"\"><meta charset=\"cp1256\">", "<meta charset=", "<meta", "<me", "charset=utf-8",
            "<meta content=\"charset=\"><meta charset=utf_8>", "<meta charset = utf-8>",
        ].map { Array($0.utf8) }
        for page in handMade + Self.variations(#function) {
            let window = page.prefix(ByteDecoder.declarationWindow)
            #expect(CharsetDeclaration.find(in: window) == Self.declarationByCopying(window), "\(String(decoding: window.prefix(300), as: UTF8.self))")
        }
    }

    @Test("the saved-page mark is found as the decoding search found it")
    func savedPageMark() {
        let marks = [
            "<!-- saved from url=(0032)https://olive-news.example/saved -->\n<html>",
            "<!doctype html>\r\n<!-- saved from url=(0029)HTTPS://Example.com/a?b=\u{0661} -->",
            "<!-- saved from url=(0010)about:blank -->", "<!-- saved from url=(0010)https://a.example",
            "<html><!--\n Page saved with SingleFile \n url: https://news.example/مقال \n saved date: x\n-->",
            "<!--\n url: https://news.example/x\n Page saved with SingleFile -->",
        ]
        var pages = marks.map { Array($0.utf8) }
        // Invalid bytes before and after the mark, and a mark cut by the end of the window.
        pages.append([0xD8, 0xFF] + Array(marks[0].utf8) + [0xC3])
        pages.append(Array(repeating: UInt8(ascii: " "), count: SavedPageMark.window - 30) + Array(marks[0].utf8))
        pages.append(Array(repeating: UInt8(ascii: " "), count: SavedPageMark.window - 70) + Array(marks[0].utf8))
        for page in pages + Self.variations(#function, count: 2) {
            #expect(SavedPageMark.url(in: page) == Self.markByDecoding(page), "\(String(decoding: page.prefix(200), as: UTF8.self))")
        }
        #expect(SavedPageMark.url(in: pages[0]) == "https://olive-news.example/saved")
        #expect(SavedPageMark.url(in: pages[4]) == "https://news.example/مقال")
    }

    @Test("the folder of a saved page's files is named as before")
    func companionFolder() {
        let names = [
            "article.html", "dir/article.html", "/abs/dir/page.htm", "dir/", "dir//x.y//", "///", "", "-", ".hidden",
            "dir/.hidden", "a.", "a.b.c", "noext", "dir.d/noext", "مقال.html", "دليل/مقال.html", "a/b\u{301}.html",
            "x/\r\n.html", "./a.html", "../b.tar.gz",
        ]
        for name in names {
            #expect(SavedPageMark.companionFolder(of: name) == Self.folderBySplitting(name), "\(name)")
        }
    }

    @Test("the UTF-16 and binary sniffs answer as a byte-by-byte count does, on seeded random bytes")
    func sniffs() {
        var generator = SeededGenerator(#function)
        // Bytes the sniffs count (00, 06, controls) often, and text around them.
        let alphabet: [UInt8] = [0x00, 0x06, 0x01, 0x09, 0x0A, 0x0C, 0x0D, 0x1B, 0x1F, 0x20, 0x41, 0x27, 0xD8, 0x86]
        var pages = Self.inputs()
        for _ in 0..<600 {
            let count = Int.random(in: 0...200, using: &generator) + (Bool.random(using: &generator) ? 8_100 : 0)
            let bias = Int.random(in: 1...10, using: &generator)
            pages.append((0..<count).map { _ in
                Int.random(in: 0..<10, using: &generator) < bias
                    ? alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] : UInt8.random(in: 0...255, using: &generator)
            })
        }
        for page in pages {
            #expect(ByteDecoder.sniffUTF16(page) == Self.utf16ByteByByte(page))
            #expect(BinarySniffer.kind(of: page) == Self.binaryByteByByte(page))
        }
    }

    @Test("the byte search finds what a byte-by-byte scan finds, on seeded random bytes")
    func byteSearch() {
        var generator = SeededGenerator(#function)
        for _ in 0..<5_000 {
            let haystack = (0..<Int.random(in: 0...40, using: &generator)).map { _ in UInt8.random(in: 0x61...0x64, using: &generator) }
            let needle = (0..<Int.random(in: 0...4, using: &generator)).map { _ in UInt8.random(in: 0x61...0x64, using: &generator) }
            var expected: Int? = needle.isEmpty ? 0 : nil
            if !needle.isEmpty && needle.count <= haystack.count {
                expected = (0...(haystack.count - needle.count)).first { haystack[$0..<($0 + needle.count)].elementsEqual(needle) }
            }
            let found = haystack.withUnsafeBufferPointer { hay in needle.withUnsafeBufferPointer { ByteSearch.offset(of: $0, in: hay) } }
            #expect(found == expected, "\(needle) in \(haystack)")
            // One byte, the word-at-a-time search of a single byte.
            if let byte = needle.first {
                let foundByte = haystack.withUnsafeBufferPointer { ByteSearch.offset(of: byte, in: $0) }
                #expect(foundByte == haystack.firstIndex(of: byte), "\(byte) in \(haystack)")
            }
        }
    }

    @Test("code pages write the UTF-8 of their table's scalars")
    func codePages() {
        let every = (0...255).map(UInt8.init)
        for page in [CodePage.windows1256, .iso88596, .windows1252] {
            var expected = String.UnicodeScalarView()
            for byte in every {
                let value = byte < 0x80 ? UInt32(byte) : UInt32(page.high[Int(byte) - 0x80])
                expected.append(value == 0 && byte >= 0x80 ? "\u{FFFD}" : Unicode.Scalar(value)!)
            }
            #expect(page.utf8(every) == Array(String(expected).utf8), "\(page.name)")
            // Eight ASCII bytes at a time and the high bytes between, at every offset.
            let mixed = Array("<p class=x>".utf8) + every + Array("</p>\n".utf8) + every.reversed()
            #expect(page.utf8(mixed) == Array(String(decoding: mixed.map { page.utf8([$0]) }.joined(), as: UTF8.self).utf8))
            #expect(page.decode(every[...]) == String(expected), "\(page.name)")
        }
    }

    @Test("charset labels resolve as Foundation's trimming and case mapping read them")
    func labels() {
        var labels: [String] = []
        for name in ["UTF-8", "utf_8", "Windows-1256", "CP1256", "iso_8859-6", "Arabic", "LATIN1", "us-ascii", "x-unknown", ""] {
            labels += [name, " \(name)\t", "\n\(name)\r\n", "\u{0B}\(name)\u{0C}", "\u{A0}\(name)", "\(name)\u{85}", "\(name) x"]
        }
        for label in labels {
            let key = label.trimmingCharacters(in: .whitespacesAndNewlines).lowercased().replacingOccurrences(of: "_", with: "-")
            #expect(TextEncoding(label: label) == TextEncoding.allCases.first { $0.rawValue == key }
                ?? TextEncoding(label: key), "\(label.debugDescription)")
        }
    }

    // MARK: - The plainer readings

    /// The window lower-cased into a copy and searched there.
    static func declarationByCopying(_ bytes: ArraySlice<UInt8>) -> String? {
        let lower = bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        func firstIndex(of needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
            var index = from
            while index + needle.count <= haystack.count {
                if haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
                index += 1
            }
            return nil
        }
        func value(after needle: [UInt8], in haystack: [UInt8]) -> String? {
            guard let at = firstIndex(of: needle, in: haystack, from: 0) else { return nil }
            var index = at + needle.count
            while index < haystack.count, [0x20, 0x22, 0x27].contains(haystack[index]) { index += 1 }
            let start = index
            while index < haystack.count, (0x61...0x7A).contains(haystack[index]) || (0x30...0x39).contains(haystack[index])
                || [0x2D, 0x5F, 0x3A, 0x2E].contains(haystack[index])
            {
                index += 1
            }
            return index > start ? String(decoding: haystack[start..<index], as: UTF8.self) : nil
        }
        if lower.starts(with: Array("<?xml".utf8)), let label = value(after: Array("encoding=".utf8), in: lower) {
            return label
        }
        var searchFrom = 0
        while let start = firstIndex(of: Array("<meta".utf8), in: lower, from: searchFrom) {
            let end = lower[start...].firstIndex(of: UInt8(ascii: ">")) ?? lower.endIndex
            if let label = value(after: Array("charset=".utf8), in: Array(lower[start..<end])) { return label }
            searchFrom = end
        }
        return nil
    }

    /// The window decoded to a `String` and searched there.
    static func markByDecoding(_ bytes: [UInt8]) -> String? {
        let head = String(decoding: bytes.prefix(SavedPageMark.window), as: UTF8.self)
        func webAddress(_ text: Substring) -> String? {
            let address = String(text.prefix { !$0.isWhitespace })
            let lower = address.lowercased()
            return lower.hasPrefix("http://") || lower.hasPrefix("https://") ? address : nil
        }
        if let mark = head.byteRange(of: "<!-- saved from url=(") {
            return webAddress(head[mark.upperBound...].drop { $0 != ")" }.dropFirst())
        }
        if head.includes("Page saved with SingleFile"), let line = head.byteRange(of: "\n url: ") {
            return webAddress(head[line.upperBound...])
        }
        return nil
    }

    static func folderBySplitting(_ name: String?) -> String? {
        guard let name, name != "-" else { return nil }
        let file = name.split(separator: "/").last.map(String.init) ?? name
        guard let dot = file.lastIndex(of: "."), dot != file.startIndex else { return nil }
        return file[..<dot] + "_files"
    }

    static func utf16ByteByByte(_ bytes: [UInt8]) -> TextEncoding? {
        let sample = bytes.prefix(4096)
        let pairs = sample.count / 2
        guard pairs >= 4 else { return nil }
        var evenHits = 0
        var oddHits = 0
        var index = 0
        while index + 1 < sample.count {
            if sample[index] == 0x00 || sample[index] == 0x06 { evenHits += 1 }
            if sample[index + 1] == 0x00 || sample[index + 1] == 0x06 { oddHits += 1 }
            index += 2
        }
        let threshold = pairs * 2 / 5
        if oddHits > threshold && evenHits * 10 < pairs { return .utf16LE }
        if evenHits > threshold && oddHits * 10 < pairs { return .utf16BE }
        return nil
    }

    static func binaryByteByByte(_ bytes: [UInt8]) -> String? {
        let signatures: [[UInt8]] = [
            [0x89, 0x50, 0x4E, 0x47], [0xFF, 0xD8, 0xFF], Array("GIF8".utf8), Array("%PDF".utf8), [0x50, 0x4B, 0x03, 0x04],
            [0x1F, 0x8B], Array("RIFF".utf8), [0x7F, 0x45, 0x4C, 0x46], Array("BZh".utf8), [0xFD, 0x37, 0x7A, 0x58, 0x5A],
            [0x28, 0xB5, 0x2F, 0xFD], Array("wOFF".utf8), Array("wOF2".utf8), [0x00, 0x00, 0x01, 0x00],
            Array("SQLite format 3".utf8),
        ]
        if signatures.contains(where: { bytes.starts(with: $0) }) { return BinarySniffer.kind(of: bytes) }
        if ByteDecoder.byteOrderMark(bytes) != nil || utf16ByteByByte(bytes) != nil { return nil }
        let sample = bytes.prefix(8192)
        let controls = sample.filter { $0 < 0x20 && ![0x09, 0x0A, 0x0D, 0x0C, 0x1B].contains($0) }.count
        return controls * 20 > sample.count ? "binary" : nil
    }
}
