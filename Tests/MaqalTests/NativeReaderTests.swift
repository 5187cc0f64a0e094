import CLibXML2
import Foundation
import Testing

@testable import Maqal

/// maqal's own reader (``NativeHTMLReader``) gives the tree libxml2 gives, column by column, on
/// every page, and reads the common ones itself instead of handing them to libxml2.
@Suite struct NativeReaderTests {
    // MARK: - The comparison

    /// Parses `bytes` with both readers and expects every column of the two trees to be equal;
    /// returns which reader the default one ended up using.
    @discardableResult
    static func expectSameTree(
        _ bytes: [UInt8], _ label: String, sourceLocation: SourceLocation = #_sourceLocation
    ) -> HTMLTree.Reader {
        let native = HTMLTree.parse(utf8: bytes, classNames: MarkupClassNames(), reader: .native)
        let libxml2 = HTMLTree.parse(utf8: bytes, classNames: MarkupClassNames(), reader: .libxml2)
        #expect(libxml2.reader == .libxml2)
        let (a, b) = (native.storage.columns, libxml2.storage.columns)
        var differ: [String] = []
        func same<T: Equatable>(_ x: T, _ y: T, _ what: String) {
            if x != y { differ.append(what) }
        }
        same(native.count, libxml2.count, "node counts")
        same(a.kinds, b.kinds, "kinds")
        same(a.tags, b.tags, "tags")
        same(a.parents, b.parents, "parents")
        same(a.subtreeEnds, b.subtreeEnds, "subtree ends")
        same(a.attributeStarts, b.attributeStarts, "attribute starts")
        same(a.attributes.map(\.name), b.attributes.map(\.name), "attribute names")
        same(a.attributes.map(\.value), b.attributes.map(\.value), "attribute values")
        same(native.indices.map { native.elementName(at: $0) }, libxml2.indices.map { libxml2.elementName(at: $0) }, "element names")
        same(native.indices.map { native.nodeText(at: $0) }, libxml2.indices.map { libxml2.nodeText(at: $0) }, "texts")
        same(native.indices.map { native.names(at: $0) }, libxml2.indices.map { libxml2.names(at: $0) }, "class and id names")
        same(native.indices.map { native.nameFacts(at: $0) }, libxml2.indices.map { libxml2.nameFacts(at: $0) }, "name facts")
        same(native.jsonLD, libxml2.jsonLD, "JSON-LD")
        same(native.flattened, libxml2.flattened, "flattened counts")
        same(native.droppedAttributes, libxml2.droppedAttributes, "dropped attribute counts")
        same(native.mojibakeSuspects, libxml2.mojibakeSuspects, "mojibake suspects")
        same(native.inlinedData, libxml2.inlinedData, "inlined data")
        same(native.stoppedEarly, libxml2.stoppedEarly, "stopped-early notes")
        guard !differ.isEmpty else { return native.reader }
        // The first node that differs, with its neighbours, is enough to see why.
        let shown = { (tree: HTMLTree, index: Int) -> String in
            guard index < tree.count else { return "-" }
            return "\(index):\(tree.elementName(at: index))<\(tree.parent(of: index)) \(Array(tree.attributes(at: index)).map { "\($0.name)=\($0.value.prefix(20))" }) \(tree.nodeText(at: index).prefix(30).debugDescription)"
        }
        let first = (0..<max(native.count, libxml2.count)).first { shown(native, $0) != shown(libxml2, $0) } ?? 0
        let around = max(0, first - 3)..<(first + 3)
        Issue.record(
            "\(label): \(differ.joined(separator: ", ")) differ (\(native.reader) read it); native \(around.map { shown(native, $0) }) vs libxml2 \(around.map { shown(libxml2, $0) })",
            sourceLocation: sourceLocation)
        return native.reader
    }

    @discardableResult
    static func expectSameTree(_ html: String, _ label: String, sourceLocation: SourceLocation = #_sourceLocation) -> HTMLTree.Reader {
        expectSameTree(Array(html.utf8), label, sourceLocation: sourceLocation)
    }

    /// The page bytes as the pipeline hands them to the reader.
    static func decoded(_ url: URL) throws -> [UInt8] {
        let bytes = try TestSupport.bytes(url)
        var page = bytes
        var outside: (label: String, origin: Source.EncodingOrigin)?
        if let saved = try? SavedPage.unwrap(bytes, name: url.lastPathComponent, hints: InputHints(), limit: .max) {
            page = saved.bytes
            outside = saved.hints.charset.map { ($0, saved.hints.charsetFrom) }
        }
        return ByteDecoder.decode(page, format: .html, user: nil, outside: outside).utf8
    }

    // MARK: - Real and fixture pages

    static let fixturePages: [String] = {
        let root = TestSupport.fixtures
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        var paths: [String] = []
        while let url = files?.nextObject() as? URL {
            let name = url.lastPathComponent
            guard name.hasSuffix(".html") || name.hasSuffix(".htm"), !name.contains(".expected.") else { continue }
            paths.append(String(url.path.dropFirst(root.path.count + 1)))
        }
        return paths.sorted()
    }()

    @Test("every fixture page gives libxml2's tree", arguments: fixturePages)
    func fixturePage(_ path: String) throws {
        let bytes = try Self.decoded(TestSupport.fixtures.appendingPathComponent(path))
        Self.expectSameTree(bytes, path)
    }

    @Test("fixture pages are read natively, but for the few with what the reader does not model")
    func fixturesReadNatively() throws {
        var fallbacks: [String] = []
        for path in Self.fixturePages {
            let bytes = try Self.decoded(TestSupport.fixtures.appendingPathComponent(path))
            if HTMLTree.parse(utf8: bytes, classNames: MarkupClassNames()).reader != .native { fallbacks.append(path) }
        }
        // The robustness fixtures are broken on purpose (control characters, pages that end in a tag).
        print("NativeReaderTests: \(Self.fixturePages.count - fallbacks.count) of \(Self.fixturePages.count) fixture pages read natively; libxml2 for \(fallbacks)")
        let unexpected = fallbacks.filter { !$0.hasPrefix("robustness/") }
        #expect(unexpected.isEmpty, "read by libxml2: \(unexpected)")
        #expect(Self.fixturePages.count > 40)
    }

    /// The corpus's HTML pages, UTF-8 and legacy encodings.
    static let corpusPages: [String] = ["html", "legacy-encoding"].flatMap { folder in
        let url = TestSupport.corpus.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { $0.hasSuffix(".html") }.sorted().map { folder + "/" + $0 }
    }

    @Test("every corpus page gives libxml2's tree, read natively",
          .enabled(if: TestSupport.corpusAvailable, Comment(rawValue: TestSupport.corpusMissing)))
    func corpusPages() throws {
        #expect(Self.corpusPages.count >= 20)
        for name in Self.corpusPages {
            let bytes = try Self.decoded(TestSupport.corpus.appendingPathComponent(name))
            let reader = Self.expectSameTree(bytes, name)
            #expect(reader == .native, "\(name) was read by libxml2")
        }
    }

    // MARK: - Pages of our own

    @Test("LeanPage's tricky pages give libxml2's tree", arguments: LeanPageTests.trickyPages)
    func trickyPage(_ page: (String, String)) {
        Self.expectSameTree(page.1, page.0)
    }

    /// Pages with nothing odd in them: the native reader must read them itself.
    static let plainPages: [(String, String)] = [
        ("article", "<!DOCTYPE html><html lang=ar><head><meta charset=utf-8><title>عنوان</title><link rel=canonical href=\"/a\"></head><body><div class=\"main\"><h1>عنوان</h1><p>نص &amp; نص&nbsp;آخر &#1575; &#x627;</p><ul><li>أ<li>ب</ul></div></body></html>"),
        ("fragment", "<p>أ<p>ب<div>ج</div>"),
        ("text only", "نص بلا وسوم"),
        ("table", "<table><tr><td>أ<td>ب<tr><td>ج</table><p>د"),
        ("json-ld", "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\"}</script><p>نص</p>"),
        ("comments", "<!-- أول --><html><!-- ثان --><body><p>أ<!-- ث -->ب</p></body></html><!-- آخر -->"),
        ("entities", "<p title=\"a &amp; b &quot;c&quot; &#39;d&#39; &unknown; &amp\">&lt;x&gt; &copy; &hellip; &#8230; &#0; &#xD800; &bogus; & &; &#; &#x; a&amp b</p>"),
    ]

    @Test("plain pages are read natively", arguments: plainPages)
    func plainPage(_ page: (String, String)) {
        let reader = Self.expectSameTree(Array(page.1.utf8), page.0)
        #expect(reader == .native, "\(page.0) was read by libxml2")
    }

    /// Element names the rules know, HTML 5 ones, and one nobody knows.
    static let elementNames: [String] = HTMLTreeRules.names + [
        "article", "section", "nav", "aside", "header", "footer", "main", "figure", "figcaption", "time", "mark",
        "template", "svg", "math", "video", "audio", "picture", "source", "textarea", "select", "button", "label",
        "embed", "object", "applet", "plaintext", "nobr", "wbr", "marquee", "blink", "x-unknown", "fb:like",
    ]

    @Test("every pair of element names, nested, unclosed and misnested")
    func everyPairOfNames() {
        var native = 0
        var pages = 0
        for outer in Self.elementNames {
            for inner in Self.elementNames {
                for (index, shape) in [
                    "<\(outer)><\(inner)>x</\(inner)>y</\(outer)>z",
                    "<\(outer)>a<\(inner)>b</\(outer)>c</\(inner)>d",
                    "<div><\(outer) class=o>a <\(inner) id=i>b <p>c</div>d",
                    "<body><\(outer)>\n  <\(inner)> </\(inner)>\n </\(outer)> <\(inner)/>e",
                ].enumerated() {
                    let reader = Self.expectSameTree(Array(shape.utf8), "\(outer)/\(inner) shape \(index)")
                    // `<body/>` (or `html`, `head`) where the element is already open would close
                    // the innermost element instead: left to libxml2.
                    if index == 3 && ["html", "head", "body"].contains(inner) {
                        #expect(reader == .libxml2)
                    } else {
                        pages += 1
                        if reader == .native { native += 1 }
                    }
                }
            }
        }
        // The pairs with `script`, `style`, `plaintext` and the like are read natively too.
        #expect(native == pages, "\(pages - native) of \(pages) pages were read by libxml2")
    }

    @Test("blank text in every position")
    func blankText() {
        let blanks = [" ", "\n", "\t \r\n", String(repeating: " ", count: 1200)]
        let places = [
            "{b}<html>{b}<head>{b}<title>t</title>{b}</head>{b}<body>{b}<p>{b}x{b}</p>{b}</body>{b}</html>{b}",
            "{b}<!-- c -->{b}<p>x</p>{b}<!-- d -->{b}",
            "<head>{b}<meta name=a>{b}&amp;{b}<link rel=b>{b}</head>{b}x",
            "<html>{b}&#32;{b}<b>{b}</b>{b}<i>y</i>{b}<table>{b}<tr>{b}<td>{b}</td>{b}</tr>{b}</table>{b}",
            "<pre>{b}x{b}</pre>{b}<textarea>{b}</textarea>{b}<ul>{b}<li>{b}</ul>",
        ]
        for place in places {
            for (index, blank) in blanks.enumerated() {
                let page = place.replacingOccurrences(of: "{b}", with: blank)
                let reader = Self.expectSameTree(Array(page.utf8), "blank \(index) in \(place.debugDescription)")
                #expect(reader == .native)
            }
        }
    }

    @Test("character references in text and in values")
    func references() {
        let references = [
            "&amp;", "&amp", "&AMP;", "&nbsp;", "&NotAnEntity;", "&#65;", "&#x41;", "&#X41;", "&#65", "&#x41",
            "&#0;", "&#;", "&#x;", "&#xFFFE;", "&#55296;", "&#1114112;", "&#99999999999;", "&", "&;", "&#",
            "&ampx;", "&amp-x;", "&a.b;", "&:x;", "&_y;", "&ب;", "&ampب;", "&#1575;", "&eacute;", "&hellip;", "&euro;",
        ]
        for reference in references {
            for page in [
                "<p>a\(reference)b</p>", "<p>\(reference)</p>", "\(reference)<p>x</p>", "<p title=\"a\(reference)b\">x</p>",
                "<p title='\(reference)'>x</p>", "<p title=a\(reference)b>x</p>", "<head>\(reference)</head>",
            ] {
                Self.expectSameTree(page, page)
            }
        }
    }

    /// Every name in the table and a near miss of each (without `;`, another case, one byte
    /// more), in text and in values: what the reader makes of them is what libxml2 does.
    @Test("every named reference, and near misses, in text and in values")
    func everyNamedReference() {
        var text = "<p>"
        var values = ""
        for entry in NamedCharacterReferences.entries {
            text += "&\(entry.name); &\(entry.name) &\(entry.name.uppercased()); &\(entry.name)x;|"
            values += "<a title=\"&\(entry.name);&\(entry.name)&\(entry.name.uppercased());&\(entry.name)x;\">x</a>"
        }
        let page = text + "</p>" + values
        #expect(Self.expectSameTree(page, "every named reference") == .native)
        // The references were resolved, not left as written.
        let tree = HTMLTree.parse(utf8: Array(page.utf8), classNames: MarkupClassNames(), reader: .native)
        let p = tree.indices.first { tree.elementName(at: $0) == "p" } ?? -1
        let paragraph = tree.indices.filter { tree.parent(of: $0) == p }.map { tree.nodeText(at: $0) }.joined()
        #expect(paragraph.hasPrefix("\u{C6} &AElig &AELIG; &AEligx;|\u{C1} "), "\(paragraph.prefix(40).debugDescription)")
        #expect(paragraph.contains("|\u{A0} &nbsp &NBSP; &nbspx;|"))
        let link = tree.indices.first { tree.elementName(at: $0) == "a" } ?? -1
        let title = tree.attributes(at: link).first.map { "\($0.name)=\($0.value)" }
        #expect(title == "title=\u{C6}&AElig&AELIG;&AEligx;")
    }

    @Test("odd markup")
    func oddMarkup() {
        let pages = [
            "<p>a</p></p></div></body></html><p>b", "</html><p>x", "<html><html><body><body>x</body></body></html></html>y",
            "<head><head></head></head><body>z", "<body><html lang=ar>x</html></body>", "<p>a<head>b</head>c",
            "<title>t<p>x</title>y", "<table><td>a<p>b</table>c", "<div><p>a</div>b</p>c", "<td>a</td><th>b",
            "<ul><li>a<ul><li>b</ul><li>c</ul>", "<dl><dt>a<dd>b<dt>c</dl>", "<select><option>a<option>b</select>",
            "<form><form>a</form>b", "<a href=1>a<a href=2>b</a>c", "<b><p>a</b>b</p>", "<h1>a<h2>b</h1>c",
            "<p>a<?php x ?>b<? y>c<?>d</p>", "<p>a<!x>b<!-->c-->d</p>", "<p>a</ p>b</>c</3>d</_x>e",
            "<p class=a class=b id=c ID=d>x</p>", "<input disabled nowrap=nowrap checked>", "<td nowrap>x",
            "<script>a</scriptx>b<p>c</script>d", "<script><noscript>a</noscript>b", "<style><body>x</style>y",
            "<div><script></div>x</script>y", "<script>a<!--b</script>c", "<style>a</STYLE >b",
            "<p>a<script src=x />b</p>", "<div/>a<p/>b<br/>c<span/>d", "<p \"a\"=b c>x</p>", "<p a=\"b\"c=d>x</p>",
            "<x:y>a</x:y><o:p>b</o:p><:x>c</:x>", "<P CLASS=A>x</P><DIV Id=B>y</div>", "<frameset><frame src=a></frameset>",
            "<noframes>a</noframes>b", "<base href=x><p>a", "<meta name=a><body>b", "<link rel=a><p>b<link rel=c>",
            "<html><head><title>a</title></head>x<body>y</body></html>", "<plaintext>a<p>b</plaintext>c",
            "<!DOCTYPE html>  <!-- a -->  <?x y?>  <html>b", "<!doctype html SYSTEM 'about:legacy-compat'><p>a",
            "<p>a&amp;</p>\n", "a<", "<p>a</p><", "<p>a</", "<p>a</p", "<p>a</p\n>b",
        ]
        for page in pages { Self.expectSameTree(page, page) }
    }

    @Test("pages the reader hands to libxml2 still give libxml2's tree, and are handed over")
    func fallbacks() {
        let pages = [
            "<p>a\u{01}b</p>", "<p>a<!-- never ends", "<p>a<div class=\"b", "<p>a</p><!DOCTYPE html><p>b",
            "<p " + String(repeating: "a", count: 120) + "=x>b</p>", "<p title=\"&#0;\">x</p>", "<body><p><body/>x",
            "<p>\u{FFFE}</p>",
        ]
        for page in pages {
            #expect(Self.expectSameTree(page, page) == .libxml2, "\(page.debugDescription) was read natively")
        }
        var invalid = Array("<p>ab</p>".utf8)
        invalid.insert(0xC3, at: 4)
        #expect(Self.expectSameTree(invalid, "ill-formed UTF-8") == .libxml2)
    }

    @Test("the check for well-formed bytes finds what the full check finds")
    func wellFormedCheck() {
        var random = SeededGenerator("NativeReaderTests.wellFormedCheck")
        let pieces = ["a", "ب", "\n", "\t", "\r", " ", "<p>", "\u{01}", "\u{0C}", "\u{1F}", "\u{FFFE}", "\u{FFFF}", "\u{FFFD}",
                      "\u{FEFF}", "ﻻ", "😀", "\u{7F}", "\u{85}"]
        for _ in 0..<2000 {
            let text = (0..<Int.random(in: 1...30, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            let bytes = Array(text.utf8)
            let full = bytes.withUnsafeBufferPointer { NativeHTMLReader.isReadable($0) }
            let quick = bytes.withUnsafeBufferPointer { NativeHTMLReader.hasNoOddCharacters($0) }
            #expect(full == quick, "\(text.debugDescription)")
        }
    }

    /// Random pieces of markup, seeded and replayable: the tree is libxml2's whichever reader read it.
    @Test("the same tree on random markup")
    func randomMarkup() {
        var random = SeededGenerator("NativeReaderTests.randomMarkup")
        let pieces = LeanPageTests.markupPieces + [
            "&nbsp;", "</html>", "<html>", "</body>", "</head>", "<meta name=x content=y>", "<link rel=z>", "<tr>",
            "<th>", "<dl>", "<dt>", "<dd>", "<form>", "</form>", "<h2>", "<frameset>", "&#1575;", "&#0;", "& ",
            "<o:p>", "<div/>", "<title>", "</title>", "<caption>", "<col>", "<colgroup>", "<thead>", "<tbody>",
            "</table>",
        ]
        let rounds = ProcessInfo.processInfo.environment["MAQAL_NATIVE_ROUNDS"].flatMap { Int($0) } ?? 300
        var native = 0
        for round in 0..<rounds {
            let count = Int.random(in: 1...40, using: &random)
            let html = (0..<count).map { _ in pieces.randomElement(using: &random)! }.joined()
            if Self.expectSameTree(html, "random page \(round): \(html.debugDescription)") == .native { native += 1 }
        }
        // Most random pages hold nothing the reader leaves to libxml2.
        #expect(native * 2 > rounds, "only \(native) of \(rounds) random pages were read natively")
    }

    // MARK: - The rules, against libxml2's own

    @Test("the start tags that close an open element are libxml2's")
    func startCloseRules() {
        let rules = HTMLTreeRules.tables
        var mismatches: [String] = []
        for (openIndex, open) in HTMLTreeRules.names.enumerated() {
            for (startIndex, start) in HTMLTreeRules.names.enumerated() where open != start {
                // libxml2's `htmlAutoCloseTag` asks its table whether `start` closes `open`.
                var node = xmlNode()
                let libxml2 = start.withCString { startName in
                    open.withCString { openName in
                        node.name = UnsafeRawPointer(startName).assumingMemoryBound(to: xmlChar.self)
                        return htmlAutoCloseTag(nil, UnsafeRawPointer(openName).assumingMemoryBound(to: xmlChar.self), &node) == 1
                    }
                }
                if libxml2 != rules.startCloses(Int32(startIndex), Int32(openIndex)) { mismatches.append("<\(start)> closing <\(open)>") }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches)")
    }

    @Test("a namespaced element name loses its prefix as libxml2's xmlSplitQName splits it")
    func namespacePrefixes() {
        let builder = HTMLTreeBuilder(classNames: MarkupClassNames())
        let names = ["fb:share-button", "o:p", "v:shape", ":p", "p:", "a::b", "a:b:c", "xml:lang", "x:1", "x:-y",
                     "w:ب", "ب:ت", "st1:personname", "a:" + String(repeating: "b", count: 150),
                     String(repeating: "a", count: 150) + ":b", "plain"]
        for name in names {
            // What libxml2 gives without a parser: the local part, or the whole name when it does not split.
            var prefix: UnsafeMutablePointer<xmlChar>?
            let split = name.withCString { xmlSplitQName(nil, UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self), &prefix) }
            let expected = split.map { String(cString: $0) } ?? name
            maqal_xml_free(split)
            maqal_xml_free(prefix)
            let ours = name.withCString { builder.localName(UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) }
            #expect(ours == expected, "\(name)")
        }
    }

    @Test("elements without content and boolean attributes are libxml2's")
    func emptyElementsAndBooleans() {
        let rules = HTMLTreeRules.tables
        for (index, name) in HTMLTreeRules.names.enumerated() {
            let empty = htmlTagLookup(name)?.pointee.empty == 1
            #expect(rules.empty(Int32(index)) == empty, "\(name)")
        }
        var builder = HTMLTreeBuilder(classNames: MarkupClassNames())
        for name in ["checked", "compact", "declare", "defer", "disabled", "ismap", "multiple", "nohref", "noresize",
                     "noshade", "nowrap", "readonly", "selected", "hidden", "async", "open", "class"] {
            #expect(builder.makeName(name, element: false).role.contains(.boolean) == (htmlIsBooleanAttr(name) != 0), "\(name)")
        }
    }
}
