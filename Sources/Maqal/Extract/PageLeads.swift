/// The lead a page prints under its headline, outside the element that holds the article's text:
/// news sites set it apart (`p.summary.introtext`, a standfirst box) between the headline and the
/// body, and give the same sentence as the page's description. A reader sees it as the article's
/// deck, so it goes to `subtitles` rather than being left out with the page's chrome.
enum PageLeads {
    /// The first visible element before the article's roots whose text is the page's
    /// `description` (four to sixty words), and that text; or `nil`.
    static func visibleLead(_ tree: HTMLTree, roots: [Int], description: String?, hidden: [Bool]) -> (index: Int, text: String)? {
        guard let description, let start = roots.min(),
            (4...60).contains(WordCounter.count(description, upTo: 61))
        else { return nil }
        let key = ArabicKey.make(description)
        // Elements that hold a root hold all of the article: their text is never the lead alone.
        var holdsRoot = Set<Int>()
        for root in roots {
            var ancestor = tree.parent(of: root)
            while ancestor >= 0 {
                holdsRoot.insert(ancestor)
                ancestor = tree.parent(of: ancestor)
            }
        }
        for index in 0..<start where tree.isElement(index) && !hidden[index] && !holdsRoot.contains(index) {
            let tag = tree.tag(at: index)
            guard tag == .p || tag == .div || tag == .h2 || tag == .h3 || tag == .span else { continue }
            // Most elements before the article are the page's chrome around it, whose text is
            // far longer than any lead: gathering stops at the most a lead can take.
            guard let text = text(of: index, in: tree, atMost: key.utf8.count * 3) else { continue }
            if text.utf8.count < key.utf8.count / 2 || text.utf8.count > key.utf8.count * 3 { continue }
            if ArabicKey.make(text) == key { return (index, text) }
        }
        return nil
    }

    /// ``HTMLTree/text(of:)``, or `nil` as soon as its UTF-8 exceeds `limit` bytes (the text
    /// only grows as it is gathered, and making a `String` of it never shortens it).
    private static func text(of index: Int, in tree: HTMLTree, atMost limit: Int) -> String? {
        var folder = WhitespaceFolder()
        for current in tree.subtree(of: index) {
            if tree.isText(current) {
                tree.withText(at: current) { folder.append(utf8: $0) }
                if folder.byteCount > limit { return nil }
            } else if tree.tag(at: current) == .br || tree.tag(at: current).isBlock {
                folder.breakHere()
            }
        }
        return folder.result
    }
}
