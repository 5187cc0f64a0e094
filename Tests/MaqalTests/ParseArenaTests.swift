import Foundation
import Testing

@testable import Maqal

/// libxml2's allocations from the per-thread arena (``ParseArena``) change nothing libxml2 reads,
/// on one thread or several at once, and leave nothing behind in the arena.
@Suite struct ParseArenaTests {
    /// Pages of random markup, broken on purpose (libxml2 records errors on most), with long
    /// attribute values (whose buffers libxml2 grows) and one page large enough to need more
    /// than the arena's first chunk.
    static func pages() -> [String] {
        var random = SeededGenerator("ParseArenaTests.pages")
        let longValue = String(repeating: "قيمة طويلة ", count: 60)
        let pieces = [
            "<p>", "</p>", "<div class=\"a b\" id=x>", "</div>", "<script type=application/ld+json>{\"a\":1}</script>",
            "<!-- c -->", "نص عربي ", "<b>", "</i>", "<a href=\"/x?\(longValue)\" title='\(longValue)'>", "</a>",
            "<img src=a.jpg alt=\"\(longValue)\">", "<table><tr><td>", "</tr>", "<li>", "<ul>", "&amp;", "&bogus;",
            "<span title='a > b'>", "</span>", "<P CLASS=X>", "<h1>", "</h1>", "<!DOCTYPE html>", "<body>", "</html>",
            "<meta name=author content=\"\(longValue)\">", "<time datetime=2024-01-02>", "\u{01}", "<?pi x?>", "<",
        ]
        var pages: [String] = (0..<40).map { _ in
            (0..<Int.random(in: 1...80, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
        }
        pages.append("<html><body>" + String(repeating: "<div class=\"c\"><p title=\"\(longValue)\">فقرة</p></div>", count: 3000))
        return pages
    }

    /// What a tree holds, as one comparable value.
    static func summary(_ tree: HTMLTree) -> [String] {
        tree.nodes.map { node in
            "\(node.kind) \(node.tag) \(node.name) \(node.names) \(node.parent) \(node.depth) \(node.text.debugDescription) "
                + node.attributes.map { "\($0.name)=\($0.value.debugDescription)" }.joined(separator: " ")
        } + tree.jsonLD + [tree.stoppedEarly ?? "-", "\(tree.flattened)", "\(tree.mojibakeSuspects)"]
    }

    /// The tree libxml2 reads (maqal's own reader, which allocates nothing in the arena, left out),
    /// with the C allocator unless a test opens the arena's window around it.
    static func parsed(_ page: String) -> HTMLTree {
        HTMLTree.parse(utf8: Array(page.utf8), classNames: MarkupClassNames(), reader: .libxml2, arena: false)
    }

    @Test("a page read with the arena gives the tree it gives without, on four threads at once")
    func sameTreeInTheArena() {
        let pages = Self.pages()
        let expected = pages.map { Self.summary(Self.parsed($0)) }
        let results = Results(count: pages.count * 3)
        DispatchQueue.concurrentPerform(iterations: results.count) { slot in
            let index = slot % pages.count
            let blocks = ParseArena.blocks
            let tree = ParseArena.run { Self.parsed(pages[index]) }
            // Read on this thread, since the arena and its counts are the thread's own.
            results.set(slot, (Self.summary(tree), ParseArena.blocks > blocks, ParseArena.retiredChunks))
        }
        for slot in 0..<results.count {
            let (summary, usedArena, retired) = results.get(slot)!
            #expect(summary == expected[slot % pages.count], "page \(slot % pages.count) read differently in the arena")
            #expect(usedArena, "page \(slot % pages.count): libxml2 allocated nothing from the arena")
            #expect(retired == 0, "page \(slot % pages.count): libxml2 left a block in the arena")
        }
    }

    @Test("libxml2 outside the arena works as before after pages read in it")
    func libxml2AfterTheArena() {
        let page = Self.pages()[0]
        let before = Self.summary(Self.parsed(page))
        for _ in 0..<3 { _ = ParseArena.run { Self.parsed(page) } }
        let blocks = ParseArena.blocks
        #expect(Self.summary(Self.parsed(page)) == before)
        #expect(ParseArena.blocks == blocks, "a parse outside the window took blocks from the arena")
    }

    /// Results written by concurrent iterations, each to its own slot.
    final class Results: @unchecked Sendable {
        let count: Int
        private var slots: [([String], Bool, UInt)?]
        private let lock = NSLock()
        init(count: Int) {
            self.count = count
            slots = Array(repeating: nil, count: count)
        }
        func set(_ slot: Int, _ value: ([String], Bool, UInt)) { lock.withLock { slots[slot] = value } }
        func get(_ slot: Int) -> ([String], Bool, UInt)? { lock.withLock { slots[slot] } }
    }
}
