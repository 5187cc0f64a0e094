/// Tells a category or archive page (a list of teasers) from an article.
enum ListingDetector {
    static func isListing(_ tree: HTMLTree, roots: [Int], removed: [Bool], blocks: [FlatBlock], root: ArticleRoot) -> Bool {
        var linkedHeadings = 0
        for top in roots {
            for index in tree.descendants(of: top)
            where !removed[index] && [.h2, .h3, .h4].contains(tree.nodes[index].tag) {
                if root.linkDensity(index) > 0.7 { linkedHeadings += 1 }
            }
        }
        // Both verdicts below need linked headings: without them the words need not be counted.
        guard linkedHeadings >= 2 else { return false }
        var paragraphs = 0
        var longParagraphs = 0
        var words = 0
        BlockText.forEachText(in: DocumentBuilder.nest(blocks)) { text in
            words += WordCounter.count(text)
        }
        for block in blocks {
            guard case .block(.paragraph(let paragraph)) = block else { continue }
            paragraphs += 1
            if WordCounter.count(paragraph.text, upTo: 30) >= 30 { longParagraphs += 1 }
        }
        // Teasers: many headings that are links, and no run of prose an article would have.
        let noProse = words < 150 || longParagraphs < 2
        if linkedHeadings >= 4 && linkedHeadings * 2 >= paragraphs && noProse { return true }
        return words < 15 && linkedHeadings >= 2
    }
}
