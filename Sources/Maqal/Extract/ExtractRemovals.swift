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
        let nodes = tree.nodes
        var holdsRoot = [Bool](repeating: false, count: nodes.count)
        var inRoot = [Bool](repeating: false, count: nodes.count)
        for root in roots {
            var ancestor = root
            while ancestor >= 0, !holdsRoot[ancestor] {
                holdsRoot[ancestor] = true
                ancestor = nodes[ancestor].parent
            }
            for index in tree.subtree(of: root) { inRoot[index] = true }
        }
        var inLead = [Bool](repeating: false, count: lead == nil ? 0 : nodes.count)
        if let lead { for index in tree.subtree(of: lead) { inLead[index] = true } }
        var current: (anchor: Int, reason: RemovalReason)?
        var folder = WhitespaceFolder()
        func flush() {
            if let (anchor, reason) = current { removals.record(folder.result, reason, at: tree.path(of: anchor)) }
            current = nil
            folder = WhitespaceFolder()
        }
        for index in nodes.indices {
            guard nodes[index].kind == .text else {
                if nodes[index].tag == .br || nodes[index].tag.isBlock { folder.breakHere() }
                continue
            }
            var place = cause(of: index, holdsRoot: holdsRoot, inRoot: inRoot)
            if let lead, place?.reason == .outsideRoot, inLead[index] { place = (lead, .metadataSubtitle) }
            if place?.anchor != current?.anchor { flush() }
            guard let place, place.reason != .inHead else { continue }
            current = (place.anchor, place.reason)
            folder.append(nodes[index].text)
        }
        flush()
    }

    /// The element a text node went with, and why; `nil` for text of the article. A text node
    /// goes with its parent element: Segment skips a removed element's whole subtree, whatever
    /// its text nodes are marked.
    private func cause(of index: Int, holdsRoot: [Bool], inRoot: [Bool]) -> (anchor: Int, reason: RemovalReason)? {
        let nodes = tree.nodes
        let element = nodes[index].parent >= 0 ? nodes[index].parent : index
        func top(_ marked: [Bool]) -> Int {
            var anchor = element
            while nodes[anchor].parent >= 0, marked[nodes[anchor].parent] { anchor = nodes[anchor].parent }
            return anchor
        }
        if hidden[element] || hidden[index] {
            let anchor = top(hidden)
            return (anchor, isInHead(anchor) ? .inHead : .hidden)
        }
        if furniture[element] || furniture[index] {
            let anchor = top(furniture)
            return (anchor, Self.furnitureReason(tree[anchor]))
        }
        if removed[element] || removed[index] { return (top(removed), .linkDensity) }
        if inRoot[index] { return nil }
        var anchor = index
        while nodes[anchor].parent >= 0, !holdsRoot[nodes[anchor].parent] { anchor = nodes[anchor].parent }
        return (anchor, .outsideRoot)
    }

    private func isInHead(_ index: Int) -> Bool {
        var node = index
        while node >= 0 {
            if tree.nodes[node].tag == .head || tree.nodes[node].tag == .title { return true }
            node = tree.nodes[node].parent
        }
        return false
    }

    /// What kind of furniture an element is, by its tag, its `role` and its class and id names.
    static func furnitureReason(_ node: HTMLTree.Node) -> RemovalReason {
        let role = node.attribute("role")?.lowercased() ?? ""
        let names = node.names.map { $0.lowercased() }.joined(separator: " ")
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
        if node.tag == .nav || role == "navigation" || role == "menu" || role == "menubar"
            || named("nav", "menu", "pagination", "pager", "prev-next", "prevnext", "skip-link")
        {
            return .furnitureNav
        }
        if node.tag == .header || role == "banner" || named("header", "masthead", "topbar", "top-bar", "logo") {
            return .furnitureHeader
        }
        if node.tag == .footer || role == "contentinfo" || named("footer", "copyright", "bottom-bar") {
            return .furnitureFooter
        }
        if node.tag == .aside || role == "complementary" || named("sidebar", "widget") { return .furnitureSidebar }
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
        if nodes[node].kind == .text { node = nodes[node].parent }
        while node >= 0, nodes[node].tag != .html {
            let element = nodes[node]
            var part = element.name
            if let id = element.attribute("id")?.split(separator: " ").first {
                parts.append(part + "#" + id)
                break
            } else if let first = element.attribute("class")?.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).first {
                part += "." + first
            }
            parts.append(part)
            node = element.parent
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
