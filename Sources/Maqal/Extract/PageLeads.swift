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
            let text = tree.text(of: index)
            if text.utf8.count < key.utf8.count / 2 || text.utf8.count > key.utf8.count * 3 { continue }
            if ArabicKey.make(text) == key { return (index, text) }
        }
        return nil
    }
}
