/// A news page sets its lead (standfirst) in a box of its own above the text, and many CMS
/// templates print the same lead again as the text's first paragraph; some print only its first
/// sentence as the lead, and some show the deck under the headline and open the text with it again.
/// A reader sees the lead once: the repeat goes (reason `duplicate.lead`).
enum DuplicateLead {
    /// How many blocks from the top the lead and its repeat may stand in.
    static let reach = 4
    /// A lead is a sentence at least: shorter equal paragraphs (a repeated label) are not leads.
    static let minimumWords = 8

    /// `blocks` without a lead's repeat: among the paragraphs before the first heading and within
    /// ``reach`` blocks of the top, a paragraph equal to the one right before it (letters
    /// compared, marks and spacing aside) goes, and so does a first paragraph that is the start of
    /// the second (a lead box holding the first sentence of the text under it). Only where the
    /// pair reads as a lead over a text: the lead is the page's `description`, or two paragraphs
    /// or more follow the pair (a two-paragraph page of one sentence twice is no lead and text).
    static func drop(_ blocks: [FlatBlock], description: String?, removals: inout Removals) -> [FlatBlock] {
        var leads: [(position: Int, key: String)] = []
        for (position, block) in blocks.prefix(reach).enumerated() {
            if case .heading = block { break }
            guard case .block(.paragraph(let paragraph)) = block,
                WordCounter.count(paragraph.text, upTo: minimumWords) >= minimumWords
            else { continue }
            leads.append((position, ArabicKey.make(paragraph.text).trimmingWhitespace()))
        }
        guard leads.count >= 2 else { return blocks }
        let descriptionKey = description.map { ArabicKey.make($0).trimmingWhitespace() }
        var dropped = Set<Int>()
        for (index, later) in leads.enumerated().dropFirst() {
            let earlier = leads[index - 1]
            guard later.position == earlier.position + 1, !dropped.contains(earlier.position) else { continue }
            let following = blocks[(later.position + 1)...].count { if case .block(.paragraph) = $0 { true } else { false } }
            guard earlier.key == descriptionKey || following >= 2 else { continue }
            if later.key == earlier.key {
                dropped.insert(later.position)
            } else if index == 1, later.key.hasPrefix(earlier.key + " ") {
                dropped.insert(earlier.position)
            }
        }
        guard !dropped.isEmpty else { return blocks }
        for position in dropped.sorted() {
            removals.record(all: blocks[position].texts, .duplicateLead, at: "block \(position + 1)")
        }
        return blocks.enumerated().filter { !dropped.contains($0.offset) }.map(\.element)
    }

    /// `blocks` without a first paragraph whose text is one of `subtitles`: the deck under the headline
    /// printed again as the article's first paragraph keeps its place as the subtitle.
    static func dropSubtitleRepeat(_ blocks: [FlatBlock], subtitles: [String], removals: inout Removals) -> [FlatBlock] {
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
