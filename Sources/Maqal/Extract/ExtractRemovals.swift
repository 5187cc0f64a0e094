/// The page text Extract leaves out, as ``Removal``s (built only for ``ParseOptions/explain``):
/// each run of text under one removed element — hidden, furniture, a link-heavy box inside the
/// article — or outside the article's roots, with the element's path and why it went.
struct ExtractRemovals {
    let tree: HTMLTree
    /// Hidden by the markup, or page noise (footnote markers, edit links, the head).
    let hidden: [Bool]
    /// Hidden or furniture.
    let furniture: [Bool]
    /// Hidden, furniture, or cleaned out of the article for its links.
    let removed: [Bool]
    let roots: [Int]
    /// The lead outside the roots that went to the subtitles (``PageLeads``), if any.
    var lead: Int? = nil

    func record(into removals: inout Removals) {
        var holdsRoot = [Bool](repeating: false, count: tree.count)
        var inRoot = [Bool](repeating: false, count: tree.count)
        for root in roots {
            var ancestor = root
            while ancestor >= 0, !holdsRoot[ancestor] {
                holdsRoot[ancestor] = true
                ancestor = tree.parent(of: ancestor)
            }
            for index in tree.subtree(of: root) { inRoot[index] = true }
        }
        var inLead = [Bool](repeating: false, count: lead == nil ? 0 : tree.count)
        if let lead { for index in tree.subtree(of: lead) { inLead[index] = true } }
        var current: (anchor: Int, reason: RemovalReason)?
        var folder = WhitespaceFolder()
        func flush() {
            if let (anchor, reason) = current { removals.record(folder.result, reason, at: tree.path(of: anchor)) }
            current = nil
            folder = WhitespaceFolder()
        }
        for index in tree.indices {
            guard tree.isText(index) else {
                if tree.tag(at: index) == .br || tree.tag(at: index).isBlock { folder.breakHere() }
                continue
            }
            var place = cause(of: index, holdsRoot: holdsRoot, inRoot: inRoot)
            if let lead, place?.reason == .outsideRoot, inLead[index] { place = (lead, .metadataSubtitle) }
            if place?.anchor != current?.anchor { flush() }
            guard let place, place.reason != .inHead else { continue }
            current = (place.anchor, place.reason)
            tree.withText(at: index) { folder.append(utf8: $0) }
        }
        flush()
    }

    /// The element a text node went with, and why; `nil` for text of the article. A text node
    /// goes with its parent element: Segment skips a removed element's whole subtree, whatever
    /// its text nodes are marked.
    private func cause(of index: Int, holdsRoot: [Bool], inRoot: [Bool]) -> (anchor: Int, reason: RemovalReason)? {
        let element = tree.parent(of: index) >= 0 ? tree.parent(of: index) : index
        func top(_ marked: [Bool]) -> Int {
            var anchor = element
            while tree.parent(of: anchor) >= 0, marked[tree.parent(of: anchor)] { anchor = tree.parent(of: anchor) }
            return anchor
        }
        if hidden[element] || hidden[index] {
            let anchor = top(hidden)
            return (anchor, isInHead(anchor) ? .inHead : .hidden)
        }
        if furniture[element] || furniture[index] {
            let anchor = top(furniture)
            return (anchor, Self.furnitureReason(anchor, in: tree))
        }
        if removed[element] || removed[index] { return (top(removed), .linkDensity) }
        if inRoot[index] { return nil }
        var anchor = index
        while tree.parent(of: anchor) >= 0, !holdsRoot[tree.parent(of: anchor)] { anchor = tree.parent(of: anchor) }
        return (anchor, .outsideRoot)
    }

    private func isInHead(_ index: Int) -> Bool {
        var node = index
        while node >= 0 {
            if tree.tag(at: node) == .head || tree.tag(at: node) == .title { return true }
            node = tree.parent(of: node)
        }
        return false
    }

    /// What kind of furniture an element is, by its tag, its `role` and its class and id names.
    static func furnitureReason(_ index: Int, in tree: HTMLTree) -> RemovalReason {
        let role = tree.attribute("role", at: index)?.lowercased() ?? ""
        let tag = tree.tag(at: index)
        let names = tree.names(at: index).map { $0.lowercased() }.joined(separator: " ")
        func named(_ fragments: String...) -> Bool { fragments.contains { names.contains($0) } }
        if named("cookie", "consent", "gdpr") { return .furnitureCookie }
        if named("comment", "disqus", "wpdiscuz", "respond", "reply") { return .furnitureComments }
        if named("breadcrumb") { return .breadcrumb }
        if named("share", "sharing", "social", "whatsapp", "telegram", "facebook", "twitter", "follow") {
            return .furnitureShare
        }
        if named("related", "yarpp", "more-stories", "most-read", "mostread", "most-popular", "trending",
                 "recommend", "taboola", "outbrain", "read-also", "readalso", "check-also")
        {
            return .furnitureRelated
        }
        if named("advert", "adsbygoogle", "ad-slot", "adslot", "ads-", "-ads", "dfp", "banner", "sponsor", "promo") {
            return .furnitureAds
        }
        if named("toc", "table-of-contents", "tableofcontents") { return .toc }
        if tag == .nav || role == "navigation" || role == "menu" || role == "menubar"
            || named("nav", "menu", "pagination", "pager", "prev-next", "prevnext", "skip-link")
        {
            return .furnitureNav
        }
        if tag == .header || role == "banner" || named("header", "masthead", "topbar", "top-bar", "logo") {
            return .furnitureHeader
        }
        if tag == .footer || role == "contentinfo" || named("footer", "copyright", "bottom-bar") {
            return .furnitureFooter
        }
        if tag == .aside || role == "complementary" || named("sidebar", "widget") { return .furnitureSidebar }
        if named("byline", "author") { return .metadataByline }
        if named("date") { return .metadataDate }
        if named("tag", "cat-links", "categories") { return .metadataTags }
        return .furnitureOther
    }
}

extension RemovalReason {
    /// Text of the page's head (its `<title>`): not visible, so never recorded.
    fileprivate static let inHead = Self(rawValue: "")
}

extension HTMLTree {
    /// `body>div.sidebar>ul`: each element's name, with its id (`#main`) or its first class, up
    /// to `body` or the nearest element with an id (`div#comments>ol`), as a CSS selector reads;
    /// a path deeper than five keeps its first step and its last three (`div#main li.item>a>span`).
    func path(of index: Int) -> String {
        var parts: [String] = []
        var node = index
        if isText(node) { node = parent(of: node) }
        while node >= 0, tag(at: node) != .html {
            var part = elementName(at: node)
            if let id = attribute("id", at: node)?.split(separator: " ").first {
                parts.append(part + "#" + id)
                break
            } else if let first = attribute("class", at: node)?.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).first {
                part += "." + first
            }
            parts.append(part)
            node = parent(of: node)
        }
        parts.reverse()
        // Deep paths keep their anchor and the last three steps, joined as a descendant selector.
        if parts.count > 5 { return parts[0] + " " + parts.suffix(3).joined(separator: ">") }
        return parts.joined(separator: ">")
    }
}

/// Finds the element of the article a block's text came from, so removals made after Segment
/// (which knows blocks, not elements) name an element path instead of a block number.
struct ElementFinder {
    let tree: HTMLTree
    /// The article's elements that Extract kept, in document order, with their folded text.
    private var texts: [(index: Int, text: String)] = []

    init(_ page: ExtractedPage) {
        tree = page.tree
        for root in page.roots {
            for index in page.tree.descendants(of: root) where !page.removed[index] {
                texts.append((index, page.tree.text(of: index)))
            }
        }
    }

    /// The path of the innermost element whose text holds `text` (the last such in document
    /// order: an element's descendants come after it), or `nil` when none does.
    func path(of text: String) -> String? {
        texts.last { $0.text.contains(text) }.map { tree.path(of: $0.index) }
    }
}
