/// A lead the page prints twice: once as the deck under the headline and again as the article's
/// first paragraph (CMS templates that show the summary field above a body that starts with it).
/// The reader has it once: the paragraph goes (`duplicate.lead`) and the subtitle stays.
enum LeadParagraph {
    /// `blocks` without a first paragraph whose text is one of `subtitles`.
    static func dropRepeat(_ blocks: [FlatBlock], subtitles: [String], removals: inout Removals) -> [FlatBlock] {
        guard !subtitles.isEmpty,
            let first = blocks.firstIndex(where: { if case .block(.figure) = $0 { return false } else { return true } }),
            case .block(.paragraph(let paragraph)) = blocks[first]
        else { return blocks }
        let key = ArabicKey.make(paragraph.text)
        guard !key.isEmpty, subtitles.contains(where: { ArabicKey.make($0) == key }) else { return blocks }
        removals.record(paragraph.text, .duplicateLead, at: "block \(first + 1)")
        var blocks = blocks
        blocks.remove(at: first)
        return blocks
    }
}
