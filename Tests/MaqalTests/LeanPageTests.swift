import Foundation
import Testing

@testable import Maqal

/// The lean page (``LeanPage``) gives the tree the page itself gives, for everything maqal reads.
@Suite struct LeanPageTests {
    // MARK: - The attributes kept are the ones the stages read

    /// The library's sources, read from the checkout the tests were built from.
    static func sources() throws -> [(file: String, text: String)] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/Maqal")
        let files = try #require(FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil))
        var result: [(String, String)] = []
        for case let url as URL in files where url.pathExtension == "swift" {
            result.append((url.lastPathComponent, try String(contentsOf: url, encoding: .utf8)))
        }
        #expect(result.count > 50, "the sources were not found at \(root.path)")
        return result
    }

    /// Every attribute name a stage asks for, found in the sources: `attribute("name")`,
    /// `attribute("name", in: …)` and the name tests of the loops that read attributes in place
    /// (`attributes[position].name == "name"`, `name == "content"`).
    @Test("every attribute name the sources ask for is kept in the lean page")
    func readAttributesCoverTheSources() throws {
        let literal = try Regex(#"attribute\(\s*"([^"]+)""#)
        let compared = try Regex(#"name == "([^"]+)""#)
        let indirect = try Regex(#"attribute\(\s*([A-Za-z][A-Za-z0-9_.]*)\s*[,)]"#)
        var asked: [String: String] = [:]
        var passedOn: Set<String> = []
        for (file, text) in try Self.sources() {
            for match in text.matches(of: literal) { asked[String(match.output[1].substring!), default: file] = file }
            // libxml2 lower-cases attribute names, so a name with capitals is compared with
            // something else (a record wrapper's field tags: `name == "TEXT"`), never an attribute.
            for match in text.matches(of: compared) where match.output[1].substring!.allSatisfy({ !$0.isUppercase }) {
                asked[String(match.output[1].substring!), default: file] = file
            }
            for match in text.matches(of: indirect) { passedOn.insert(file + ": " + match.output[1].substring!) }
        }
        #expect(asked.count > 25, "the attribute reads were not found: \(asked.keys.sorted())")
        for (name, file) in asked.sorted(by: { $0.key < $1.key }) {
            #expect(HTMLTree.readAttributes.contains(name), "\(file) reads `\(name)`, which LeanPage drops: add it to HTMLTree.readAttributes")
        }
        // Names passed on in a variable: the accessor itself and the local helpers pass a name
        // their callers write out (found above); ImageSource reads its lists of names.
        let known: Set<String> = [
            "HTMLTree.swift: name", "PageMetadata.swift: wanted", "MarkupHints.swift: wanted",
            "ImageSource.swift: name",
        ]
        #expect(passedOn.subtracting(known).isEmpty,
                "a new attribute read by a variable name: \(passedOn.subtracting(known).sorted()); keep its names in HTMLTree.readAttributes and list it here")
        for name in ImageSource.lazyAttributes + ImageSource.srcsetAttributes {
            #expect(HTMLTree.readAttributes.contains(name), "ImageSource reads `\(name)`, which LeanPage drops")
        }
    }

    // MARK: - The same tree, lean or not

    /// Compares the tree of `html` read lean with the tree of the page as it is: the same nodes,
    /// names, structure, read attributes, JSON-LD and counts; text the same once blank runs are
    /// one blank (exactly the same inside preformatted elements).
    static func expectSameTree(_ html: String, _ label: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let bytes = Array(html.utf8)
        let plain = HTMLTree.parse(utf8: bytes, classNames: MarkupClassNames(), lean: false)
        let lean = HTMLTree.parse(utf8: bytes, classNames: MarkupClassNames(), lean: true)
        #expect(lean.nodes.count == plain.nodes.count, "\(label): node count", sourceLocation: sourceLocation)
        #expect(lean.jsonLD == plain.jsonLD, "\(label): JSON-LD", sourceLocation: sourceLocation)
        #expect(lean.flattened == plain.flattened, "\(label): flattened", sourceLocation: sourceLocation)
        #expect(lean.droppedAttributes == plain.droppedAttributes, "\(label): excess attributes", sourceLocation: sourceLocation)
        #expect(lean.mojibakeSuspects == plain.mojibakeSuspects, "\(label): mojibake suspects", sourceLocation: sourceLocation)
        #expect(lean.inlinedData == plain.inlinedData, "\(label): inlined data", sourceLocation: sourceLocation)
        #expect(lean.stoppedEarly == plain.stoppedEarly, "\(label): stopped early", sourceLocation: sourceLocation)
        guard lean.nodes.count == plain.nodes.count else { return }
        let preformatted: Set<String> = ["pre", "textarea", "listing", "xmp", "plaintext"]
        for index in plain.nodes.indices {
            let (a, b) = (plain.nodes[index], lean.nodes[index])
            let same = a.kind == b.kind && a.tag == b.tag && a.name == b.name && a.names == b.names
                && a.nameFacts == b.nameFacts && a.parent == b.parent && a.depth == b.depth
            #expect(same, "\(label): node \(index) (\(a.name)) differs", sourceLocation: sourceLocation)
            // Where the pass leaves a tag as it is, unread attributes stay: only read ones count.
            let read = a.attributes.filter { HTMLTree.readAttributes.contains($0.name) }
            let leanRead = b.attributes.filter { HTMLTree.readAttributes.contains($0.name) }
            #expect(read.map(\.name) == leanRead.map(\.name) && read.map(\.value) == leanRead.map(\.value),
                    "\(label): attributes of node \(index) (\(a.name)): \(read) vs \(leanRead)", sourceLocation: sourceLocation)
            guard a.kind == .text else { continue }
            var ancestor = a.parent
            var verbatim = false
            while ancestor >= 0 {
                if preformatted.contains(plain.nodes[ancestor].name) { verbatim = true }
                ancestor = plain.nodes[ancestor].parent
            }
            let equal = verbatim ? a.text == b.text : folded(a.text) == folded(b.text)
            #expect(equal, "\(label): text of node \(index): \(a.text.debugDescription) vs \(b.text.debugDescription)",
                    sourceLocation: sourceLocation)
        }
    }

    /// `text` with each run of HTML blanks made one space.
    static func folded(_ text: String) -> String {
        var result: [UInt8] = []
        var inRun = false
        for byte in text.utf8 {
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                if !inRun { result.append(0x20) }
                inRun = true
            } else {
                result.append(byte)
                inRun = false
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    static func attributes(_ count: Int) -> String {
        (0..<count).map { " a\($0)=\"\($0)\"" }.joined()
    }

    /// Pages of our own writing, each with something the lean pass must read as libxml2 does.
    static let trickyPages: [(String, String)] = [
        ("script with `</` in strings",
         "<html><body><script>var s = \"</div>\"; if (a</b) { x = '<p class=q>'; }</script><p class=\"lead\" onclick=\"go()\">نص  المقال   هنا</p></body></html>"),
        ("script ended by a longer name", "<script>a</scriptx>b<p>c</script><p class=x onclick=y>ن</p>"),
        ("JSON-LD kept", "<head><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\",   \"headline\": \"عنوان  طويل\"}</script></head><body><p>نص</p></body>"),
        ("JSON-LD by a character reference", "<script TYPE='application/LD&#43;json'>{\"a\":  1}</script><p>ن</p>"),
        ("script with src and type", "<script type=module src=\"/a.js\" async defer></script><script src=x.js>f()</script><p>ن</p>"),
        ("upper-case tags", "<HTML><BODY><P CLASS=\"Lead\" ONCLICK=\"x\">أ  ب</P><SCRIPT>var a = '<b>';</SCRIPT ><STYLE>p { color: red }</STYLE><DIV ID=Main DATA-X=1>ج</DIV></BODY></HTML>"),
        ("`</SCRIPT` in any case", "<script>document.write(\"<\\/script>\")</SCRIPT\n><p>بعد</p>"),
        ("nested templates", "<template><div class=a onclick=b><template><p id=t>x</p></template></div></template><p class=b>y  z</p>"),
        ("comment holding a script", "<p>أ</p><!-- <script>var x = 1;</script> <p class=c>لا</p> --><p>ب</p>"),
        ("comment ended by --!>", "<p>أ<!-- x --!> ب --> ج</p><p>  د  </p>"),
        ("empty and odd comments", "<p>a<!---->b<!--->c-->d<!-- - -- --->e</p>"),
        ("comment that never ends", "<p class=a title=t>أ</p><div class=b onclick=c>ب<!-- لا ينتهي"),
        ("pre with blank runs", "<pre>  a   b\n\n   c</pre><p>  d   e  </p><pre class=code><b>  x  </b>\n  y</pre>   <p> z    w </p>"),
        ("pre outlived by its end tag", "<pre><div>x</pre>   y   </div></pre><p>  z    w  </p>"),
        ("nested preformatted elements", "<pre><xmp>a   b</xmp></xmp>   c   </pre>   d   <listing>  e  </listing><p>  f  </p>"),
        ("textarea and plaintext", "<textarea name=t>  a   b  </textarea><p>  c   d </p><plaintext>  e   f"),
        ("unquoted attributes", "<p class=lead id=x onclick=go() data-x=1 title=عنوان>ن</p><a href=/x?a=1&b=2 rel=nofollow target=_blank>ر</a>"),
        ("a value-less attribute before `=`", "<p hidden onclick=x =y>z</p><p title onclick=a =b class=c>d</p>"),
        ("attribute names libxml2 does not read", "<p @a=\"x>y\" class=z>t</p><p data-x@y=\"a>b\" class=q>c</p><p class=\"a\"onclick=\"b\"id=c>d</p><p a/b=c d = \"e\" f=g/>h</p>"),
        ("quoted `>` in values", "<p title=\"a > b\" onclick='if (a > b) {}' class=\"x>y\">نص</p><a href=\"?q=<b>\">ر</a>"),
        ("data: images", "<p>قبل</p><img src=\"data:image/png;base64," + String(repeating: "QUJD", count: 5000) + "\" alt=\"صورة\" class=wide><div style=\"background:url(data:image/png;base64," + String(repeating: "QUJD", count: 5000) + ")\" onclick=x>ب</div>"),
        ("300 attributes on one element", "<div id=\"first\"" + attributes(300) + " class=\"last\"><p class=p>نص</p></div>"),
        ("300 attributes, read ones among them", "<p class=lead" + attributes(120) + " title=t" + attributes(200) + " id=late>نص</p>"),
        ("style opened by <body>", "<style><body>x</style><p class=a onclick=b>q</p>"),
        ("script whose content starts with an end tag", "<div class=d><script></div>x</script><p class=p onclick=o>y</p>"),
        ("unterminated tag at the end", "<p class=a onclick=b>x</p><div class=\"a"),
        ("control character in a tag", "<p class=a\u{01}b onclick=c>x</p><p class=d onclick=e>y</p>"),
        ("doctypes", "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\"><html><body><p class=a onclick=b>x  y</p><!doctype html><p>z</p></body></html>"),
        ("odd doctypes", "<!DOCTYPE html SYSTEM \"about:legacy-compat\"><p onclick=a>x</p><!DOCTYPE><p onclick=b class=c>y</p>"),
        ("processing instructions", "<?xml version=\"1.0\" encoding=\"utf-8\"?><html><body><p onclick=a>x<? y>z<?php echo 1 ?>w</p></body></html>"),
        ("`<` as text", "<p>a < b and c > d <!x> <![CDATA[ e ]]> < p> </ p> </> <_x> <3</p><p class=c onclick=d>e</p>"),
        ("end tags with junk", "<p>a</p foo=\"x>y\">b<div>c</div class=x onclick=y>d</p >"),
        ("long names", "<p " + String(repeating: "a", count: 120) + "class=x onclick=y>z</p><" + String(repeating: "b", count: 120) + " class=c>w</p>"),
        ("a thousand blanks", "<html>" + String(repeating: " ", count: 1200) + "<head>" + String(repeating: "\n", count: 1500) + "<title>ع</title></head><body><p>a" + String(repeating: " ", count: 1100) + "b</p></body></html>" + String(repeating: " ", count: 1001) + "<p>c</p>"),
        ("meta naming another charset", "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1256\"><meta property=og:title content=\"عنوان\"></head><body><p>نص  عربي</p></body></html>"),
        ("skipped elements", "<noscript><img src=a.jpg class=c></noscript><svg class=icon viewBox=\"0 0 9 9\"><path d=\"M0 0\"/><title>t</title></svg><select name=s><option value=1 selected>a<option value=2>b</select><iframe src=x class=f></iframe><button class=b onclick=c>زر</button><p class=p>ن</p>"),
        ("mojibake between blank runs", "<p>Ø§Ù„Ø¹Ø±Ø¨ÙŠØ©   Ù„ØºØ©    Ø¬Ù…ÙŠÙ„Ø©</p><img alt=\"Ø§Ù„ØµÙˆØ±Ø©\" src=a.jpg onclick=x>"),
        ("script before the root", "<script>x()</script><html><body><p class=a onclick=b>  a  </p></body></html>"),
        ("deep nesting", String(repeating: "<div class=d onclick=x>", count: 450) + "<p>عميق  جدا</p>" + String(repeating: "</div>", count: 450)),
        ("attributes the stages read", "<html lang=ar dir=rtl><head><meta name=author content=\"كاتب\"><link rel=canonical href=\"https://example.com/a\"><base href=\"https://example.com/\"></head><body><article dir=rtl itemprop=articleBody><time datetime=\"2024-01-02\" class=published>أمس</time><abbr class=published title=\"2024-01-02\" data-time=1>x</abbr><table role=presentation><tr><td colspan=2 rowspan=3 nowrap>خ</td></tr></table><ol start=3 type=a><li>ب</li></ol><img data-src=a.jpg data-lazy-src=b.jpg srcset=\"c.jpg 1x\" width=600 height=400 alt=ص><p aria-hidden=true style=\"display:none\" hidden>خفي</p><font size=5 face=Arial color=red>عنوان</font><p align=center>و</p></article></body></html>"),
        ("content after the closed root", "<!-- c --><html><body><p>أ</p></body></html>  <p class=x onclick=y>ب</p>"),
    ]

    @Test("the lean page gives the same tree as the page itself", arguments: trickyPages)
    func sameTreeOnTrickyPages(_ page: (String, String)) {
        Self.expectSameTree(page.1, page.0)
    }

    /// Pieces of markup that random pages are made of: the shapes libxml2 reads in its own way
    /// (raw text, comments that end oddly, quotes and `>` inside tags, implied and misplaced
    /// elements, long blank runs). `NativeReaderTests` adds its own to these.
    static let markupPieces = [
        "<p>", "</p>", "<div class=a onclick=\"x()\">", "</div>", "<pre>", "</pre>", "<script>", "</script>",
        "<style>", "</style>", "<script type=application/ld+json>", "<!-- c -->", "<!--", "-->", "   ", "\n\n  ",
        "نص", " كلمة ", "<b>", "</b>", "<a href=/x rel=r target=_blank>", "</a>", "<img src=a.jpg alt=ص data-x=1>",
        "<br>", "<table><tr><td colspan=2>", "</td></tr></table>", "<li>", "<ul>", "</ul>", "<xmp>", "</xmp>",
        "<template>", "</template>", "<svg><path d=M0/></svg>", "\"", "'", ">", "<", "</", "=", "<!DOCTYPE html>",
        "<body>", "<head>", "<title>ع</title>", "&amp;", "<textarea>", "</textarea>", "<span title='a > b'>",
        "</span>", "<P CLASS=X>", "</SCRIPT>", "<?pi x?>", "<noscript>", "</noscript>", "<h1 id=h>", "</h1>",
        "</scriptx>", "<p hidden onclick=x =y>", "<!-- a --!>", "</p foo='>'>", "<? x>", "<!x>",
        "<listing>", "</listing>", "<div>", "<td>", String(repeating: " ", count: 1001), "<option value=1>",
    ]

    /// Pages of random pieces of markup, the tricky ones among them, seeded and replayable.
    @Test("the same tree on random markup")
    func sameTreeOnRandomMarkup() {
        var random = SeededGenerator("LeanPageTests.sameTreeOnRandomMarkup")
        let pieces = Self.markupPieces + ["\u{01}"]
        let rounds = ProcessInfo.processInfo.environment["MAQAL_LEAN_ROUNDS"].flatMap { Int($0) } ?? 150
        for round in 0..<rounds {
            let count = Int.random(in: 1...40, using: &random)
            let html = (0..<count).map { _ in pieces.randomElement(using: &random)! }.joined()
            Self.expectSameTree(html, "random page \(round): \(html.debugDescription)")
        }
    }

    // MARK: - What is left out

    @Test("script and style content, unread attributes and comment text do not reach libxml2")
    func whatIsLeftOut() {
        let page = "<html><head><style>p { color: red }</style><script>var secret = 1;</script></head>"
            + "<body><!-- a long comment --><p class=\"lead\" onclick=\"track()\" data-id=\"7\">نص    المقال</p></body></html>"
        let (bytes, dropped) = LeanPage.make(from: Array(page.utf8))
        let lean = String(decoding: bytes, as: UTF8.self)
        #expect(dropped == 0)
        #expect(lean == "<html><head><style></style><script></script></head>"
            + "<body><!----><p class=\"lead\" >نص المقال</p></body></html>")
    }

    @Test("the attributes past the limit are counted as before, unread ones included")
    func excessAttributesCountedAsBefore() {
        let page = "<p class=\"lead\"" + Self.attributes(300) + " id=\"last\">نص</p>"
        var plain = Array(page.utf8)
        let before = ExcessAttributes.drop(from: &plain)
        #expect(LeanPage.make(from: Array(page.utf8)).droppedAttributes == before)
        #expect(before == 302 - ExcessAttributes.limit)
    }
}
