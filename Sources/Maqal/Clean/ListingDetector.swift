/// Tells a category or archive page (a list of teasers) from an article.
enum ListingDetector {
    /// `linkedHeadings`: headings in the article that are mostly one link (Extract counts them,
    /// ``ExtractedPage/linkedHeadings``); `blocks`: the article's cleaned blocks.
    static func isListing(linkedHeadings: Int, blocks: [FlatBlock]) -> Bool {
        // Both verdicts below need linked headings: without them the words need not be counted.
        guard linkedHeadings >= 2 else { return false }
        var paragraphs = 0
        var longParagraphs = 0
        var words = 0
        // Every text a reader sees, headings included: the same words the nested body would hold.
        for block in blocks {
            switch block {
            case .heading(let heading):
                words += WordCounter.count(heading.text)
            case .block(let block):
                BlockTexts.forEach(in: [block]) { text in words += WordCounter.count(text) }
            }
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
