import Testing

@testable import Maqal

/// The tree is built from libxml2's parse events rather than from libxml2's own tree; these pin
/// the places where libxml2's tree builder does more than turn one event into one node, so the
/// tree stays the one every extraction rule was written against.
@Suite("HTML tree")
struct HTMLTreeTests {
    private func elements(_ tree: HTMLTree, _ name: String) -> [HTMLTree.NodeFields] {
        tree.elements(named: name).map { tree[$0] }
    }

    private func texts(under index: Int, in tree: HTMLTree) -> [String] {
        tree.children(of: index).filter { tree[$0].kind == .text }.map { tree[$0].text }
    }

    @Test func entitiesAndSplitTextMergeIntoOneNode() throws {
        let tree = HTMLTree.parse("<p>قال &amp; كتب &#1575;لخبر</p>")
        let paragraph = try #require(tree.elements(named: "p").first)
        #expect(texts(under: paragraph, in: tree) == ["قال & كتب الخبر"])
    }

    @Test func aCommentKeepsTextOnEitherSideApart() throws {
        let tree = HTMLTree.parse("<p>أول<!-- إعلان -->ثان</p>")
        let paragraph = try #require(tree.elements(named: "p").first)
        #expect(texts(under: paragraph, in: tree) == ["أول", "ثان"])
        #expect(tree.text(of: paragraph) == "أولثان")
    }

    @Test func namespacePrefixesAreSplitOffElementNames() {
        let tree = HTMLTree.parse("<div xml:lang=\"ar\"><fb:share-button>x</fb:share-button><o:p>نص</o:p></div>")
        #expect(elements(tree, "share-button").count == 1)
        // Attribute names keep their prefix.
        #expect(elements(tree, "div").first?.attribute("xml:lang") == "ar")
        #expect(elements(tree, "p").count == 1)
        #expect(elements(tree, "fb:share-button").isEmpty)
    }

    @Test func bareBooleanAttributesTakeTheirOwnName() throws {
        // Read as libxml2 reads the page itself: the lean page drops `nowrap`, which no stage reads.
        let html = "<table><tr><td nowrap class=\"Cell main\" id=Top>a</td></tr></table><p hidden>b</p>"
        let tree = HTMLTree.parse(utf8: Array(html.utf8), classNames: MarkupClassNames(), lean: false)
        let cell = try #require(elements(tree, "td").first)
        #expect(cell.attribute("nowrap") == "nowrap")
        #expect(cell.names == ["cell", "main", "top"])
        // `hidden` is not one of HTML 4's boolean attributes: present, empty.
        #expect(try #require(elements(tree, "p").first).attribute("hidden") == "")
    }

    @Test func contentAfterTheClosedRootStaysInTheTree() {
        let tree = HTMLTree.parse("<html><body><p>أ</p></body></html><p>ب</p>")
        #expect(elements(tree, "p").count == 2)
        #expect(tree.text(of: 0).contains("ب"))
    }

    @Test func scriptsAreDroppedButJSONLDIsKept() {
        let tree = HTMLTree.parse("""
            <head><script>var a = "<p>لا</p>";</script>
            <script type="Application/LD+JSON">{"headline": "عنوان"}</script></head>
            <body><p>نص</p><style>p { color: red }</style></body>
            """)
        #expect(tree.jsonLD == [#"{"headline": "عنوان"}"#])
        #expect(elements(tree, "script").isEmpty)
        #expect(tree.text(of: 0) == "نص")
    }

    @Test func nestingPastTheLimitIsFlattenedWithItsText() throws {
        let depth = HTMLTree.maxDepth + 50
        let html = String(repeating: "<div>", count: depth) + "عميق" + String(repeating: "</div>", count: depth)
        let tree = HTMLTree.parse(html)
        #expect(tree.flattened > 0)
        #expect(tree.nodes.map(\.depth).max()! <= HTMLTree.maxDepth + 1)
        #expect(tree.text(of: 0) == "عميق")
    }

    @Test func whiteSpaceBetweenTagsIsOneSharedSpaceExceptInPre() throws {
        let tree = HTMLTree.parse("<div>\n  <span>a</span>\n  <pre>  x\n  </pre></div>")
        let div = try #require(tree.elements(named: "div").first)
        #expect(texts(under: div, in: tree).first == " ")
        let pre = try #require(tree.elements(named: "pre").first)
        #expect(texts(under: pre, in: tree) == ["  x\n  "])
    }

    @Test func subtreesAndChildrenFollowTheParentLinks() {
        let pages = [
            "<html><body><div><p>أ<b>ب</b></p><ul><li>ج<li>د</ul></div></body></html><p>بعد الجذر</p><div>هـ</div>",
            "<table><tr><td>1<td>2<tr><td>3</table><p>نص <i>مائل</i></p><!-- تعليق -->ذيل",
            String(repeating: "<div>", count: HTMLTree.maxDepth + 20) + "عميق" + String(repeating: "</div>", count: HTMLTree.maxDepth + 20)
                + "<p>بعد</p>",
        ]
        for html in pages {
            let tree = HTMLTree.parse(html)
            func isUnder(_ node: Int, _ ancestor: Int) -> Bool {
                var current = node
                while current > ancestor { current = tree[current].parent }
                return current == ancestor
            }
            for index in tree.nodes.indices {
                #expect(Array(tree.subtree(of: index)) == tree.nodes.indices.filter { isUnder($0, index) })
                #expect(Array(tree.children(of: index)) == tree.nodes.indices.filter { tree[$0].parent == index })
            }
        }
    }

    /// The tag table is written out by hand; a case missing from it, or named wrongly, would make
    /// that element `other` and lose what the stages know of it (a heading, a list, a paragraph).
    @Test func everyTagIsFoundByItsName() {
        for tag in HTMLTag.allCases where tag != .other {
            #expect(HTMLTag(name: "\(tag)") == tag, "\(tag)")
        }
        #expect(HTMLTag.byName.count == HTMLTag.allCases.count - 1)
        #expect(HTMLTag(name: "blink") == .other)
    }
}
