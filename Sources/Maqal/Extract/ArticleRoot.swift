/// Finds the elements that hold the article (the Extract stage's core).
///
/// Scores text blocks the way Readability does (commas, length, an Arabic comma counts), gives
/// the score to their parents and grandparents, weights containers by tag and class names
/// (template body classes and `itemprop=articleBody` strongly), discounts link-heavy ones, and
/// then takes the best container with the siblings that continue it.
struct ArticleRoot {
    let tree: HTMLTree
    let removed: [Bool]
    /// Characters of visible text under each node.
    private(set) var textLength: NodeCounts
    /// Characters of visible text inside links under each node.
    private(set) var linkLength: NodeCounts
    /// Paragraphs of prose (a `p` with 80 or more characters outside links) under each node.
    private(set) var proseCount: NodeCounts
    /// `img` elements under each node.
    private(set) var imageCount: NodeCounts

    /// Sums over the nodes that are not `removed`; a text node's length is taken from `earlier`
    /// when given, which must have removed no more than `removed` does (it measured every text
    /// node kept here).
    init(tree: HTMLTree, removed: [Bool], reusing earlier: ArticleRoot? = nil) {
        self.tree = tree
        self.removed = removed
        var text = [Int32](repeating: 0, count: tree.count)
        var link = text
        var prose = text
        var images = text
        // Every node of the page, twice per page: on buffers, where the four arrays' bounds and
        // uniqueness were checked at each of the sums' reads and writes. The sums are taken in
        // 32 bits, as `NodeCounts` keeps them.
        text.withUnsafeMutableBufferPointer { text in
            link.withUnsafeMutableBufferPointer { link in
                prose.withUnsafeMutableBufferPointer { prose in
                    images.withUnsafeMutableBufferPointer { images in
                        removed.withUnsafeBufferPointer { removed in
                            // Children always follow their parent in the node array: walk backwards to sum up.
                            for index in tree.indices.reversed() where !removed[index] {
                                if tree.isText(index) {
                                    text[index] = Int32(truncatingIfNeeded: earlier?.textLength[index]
                                        ?? tree.withText(at: index, Self.visibleLength))
                                } else {
                                    switch tree.tag(at: index) {
                                    case .a: link[index] = text[index]
                                    case .p: if Int(text[index]) - Int(link[index]) >= 80 { prose[index] &+= 1 }
                                    case .img: images[index] &+= 1
                                    default: break
                                    }
                                }
                                let parent = tree.parent(of: index)
                                if parent >= 0 {
                                    text[parent] &+= text[index]
                                    link[parent] &+= link[index]
                                    prose[parent] &+= prose[index]
                                    images[parent] &+= images[index]
                                }
                            }
                        }
                    }
                }
            }
        }
        self.textLength = NodeCounts(text)
        self.linkLength = NodeCounts(link)
        self.proseCount = NodeCounts(prose)
        self.imageCount = NodeCounts(images)
    }

    /// Scalars of `text` that are not white space (``ArabicScalar/isSpace(_:)``), counted on its
    /// UTF-8 bytes with the shared decoder: ASCII is told by its byte, and the Arabic block
    /// (leads D8–DB) holds no space.
    static func visibleLength(_ text: String) -> Int {
        var text = text
        return text.withUTF8(visibleLength)
    }

    /// ``visibleLength(_:)`` of valid UTF-8 bytes.
    static func visibleLength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                if lead != 0x20 && !(0x09...0x0D).contains(lead) { count += 1 }
                index += 1
            } else if (0xD8...0xDB).contains(lead) {
                count += 1
                index += 2
            } else {
                let (value, length) = bytes.scalar(at: index)
                if !ArabicScalar.isSpace(value) { count += 1 }
                index += length
            }
        }
        return count
    }

    func linkDensity(_ index: Int) -> Double {
        textLength[index] == 0 ? 0 : Double(linkLength[index]) / Double(textLength[index])
    }

    /// The article's elements in document order; empty when the page has no text at all.
    func find() -> [Int] {
        guard let root = tree.root, !removed[root] else { return [] }
        // Scores by node index, and the nodes in the order they were first scored: arrays, where
        // a dictionary hashed every ancestor of every text block (and copied this root into the
        // closure that gave its first score).
        // NaN: not scored yet (a score is always a finite sum), so a score takes 8 bytes, not 16.
        var scores = [Double](repeating: .nan, count: tree.count)
        var scored: [Int] = []

        func initialScore(_ index: Int) -> Double {
            var score: Double
            switch tree.tag(at: index) {
            case .div, .article, .main, .section: score = 5
            case .pre, .td, .blockquote, .font, .center: score = 3
            case .address, .ol, .ul, .dl, .dd, .dt, .li, .form: score = -3
            case .h1, .h2, .h3, .h4, .h5, .h6, .th: score = -5
            default: score = 0
            }
            if tree.tag(at: index) == .article || tree.tag(at: index) == .main { score += 10 }
            return score + MarkupHints.classWeight(index, in: tree)
        }

        func add(_ value: Double, to index: Int) {
            if scores[index].isNaN {
                scores[index] = initialScore(index)
                scored.append(index)
            }
            scores[index] += value
        }

        for index in tree.indices where !removed[index] {
            guard let (length, isParagraph) = textBlockLength(index), length >= 25 else { continue }
            let (commas, stops) = punctuation(index)
            let contentScore = 1 + Double(commas) + Double(min(stops, 3)) * 0.5 + min(Double(length) / 100, 3)
            // A text container scores for itself too: in `<br>` soup it is the paragraph's home.
            if !isParagraph {
                add(contentScore, to: index)
            }
            var ancestor = tree.parent(of: index)
            var level = 0
            while ancestor >= 0 && level < 5 {
                if removed[ancestor] { break }
                let divider = level == 0 ? 1.0 : (level == 1 ? 2.0 : Double(level) * 3)
                add(contentScore / divider, to: ancestor)
                ancestor = tree.parent(of: ancestor)
                level += 1
            }
        }
        guard !scored.isEmpty else { return [root] }

        var final: [(index: Int, score: Double)] = scored.map { ($0, scores[$0] * (1 - linkDensity($0))) }
        final.sort { $0.score > $1.score || ($0.score == $1.score && $0.index < $1.index) }
        var top = final[0].index
        let topScore = final[0].score

        // Several strong candidates under one ancestor: the article is that ancestor.
        let strong = final.prefix(5).dropFirst().filter { $0.score >= topScore * 0.75 }.map(\.index)
        if strong.count >= 2 {
            var ancestor = tree.parent(of: top)
            while ancestor >= 0, tree.tag(at: ancestor) != .body {
                let covered = strong.filter { isAncestor(ancestor, of: $0) }.count
                if covered >= 2 { top = ancestor; break }
                ancestor = tree.parent(of: ancestor)
            }
        }
        // Climb out of wrappers: while the top candidate is its parent's only child with text.
        while tree.parent(of: top) >= 0, tree.tag(at: top) != .body {
            let parent = tree.parent(of: top)
            guard tree.tag(at: parent) != .body, !removed[parent] else { break }
            let withText = tree.children(of: parent).filter { !removed[$0] && textLength[$0] > 0 }
            guard withText == [top] else { break }
            top = parent
        }
        return withSiblings(top, topScore: topScore, scores: scores)
    }

    /// The top candidate plus siblings that continue the article (Readability's sibling rule);
    /// `scores` is NaN for a node never scored.
    private func withSiblings(_ top: Int, topScore: Double, scores: [Double]) -> [Int] {
        let parent = tree.parent(of: top)
        guard parent >= 0 else { return [top] }
        let threshold = max(10, topScore * 0.2)
        var result: [Int] = []
        for sibling in tree.children(of: parent) where !removed[sibling] {
            if sibling == top {
                result.append(sibling)
                continue
            }
            guard tree.isElement(sibling) else { continue }
            let score = (scores[sibling].isNaN ? 0 : scores[sibling]) * (1 - linkDensity(sibling))
            // A sibling continues the article only with prose of its own, not on its class name alone
            // (a lead image with a caption, a byline box).
            if score >= threshold && (proseCount[sibling] > 0 || textLength[sibling] >= 200) {
                result.append(sibling)
            } else if tree.tag(at: sibling) == .p {
                let length = textLength[sibling]
                let density = linkDensity(sibling)
                let text = tree.text(of: sibling)
                if length > 80 && density < 0.25 { result.append(sibling) }
                else if length > 0 && length <= 80 && density == 0 && LineShape(text).endsWithPeriod { result.append(sibling) }
            }
        }
        return result
    }

    /// Checks the chosen roots against the page's JSON-LD `articleBody`: when they hold less than
    /// 60% of its words, the smallest element that holds at least 80% of them is the article
    /// instead. Holding more than `articleBody` is fine: many sites put only the first lines there.
    func crossCheck(_ roots: [Int], against articleBody: String) -> [Int] {
        let truth = WordBag(articleBody)
        guard truth.total >= 30 else { return roots }
        let chosen = WordBag(roots.map { tree.text(of: $0) }.joined(separator: " "))
        let chosenRecall = truth.recall(of: chosen)
        if chosenRecall >= 0.6 { return roots }
        let bodyLength = Self.visibleLength(articleBody)
        let candidates = tree.indices.filter { index in
            tree.isElement(index) && !removed[index]
                && textLength[index] * 2 >= bodyLength && textLength[index] <= bodyLength * 3
        }.sorted { textLength[$0] < textLength[$1] }.prefix(60)
        // Smallest first: the first element holding most of the body is the tightest fit.
        for candidate in candidates {
            let recall = truth.recall(of: WordBag(tree.text(of: candidate)))
            if recall >= 0.8 && recall > chosenRecall + 0.3 { return [candidate] }
        }
        return roots
    }

    private func isAncestor(_ ancestor: Int, of index: Int) -> Bool {
        var current = tree.parent(of: index)
        while current >= 0 {
            if current == ancestor { return true }
            current = tree.parent(of: current)
        }
        return false
    }

    /// Commas (Latin and Arabic) and full stops in the text of `index` that is not inside a child
    /// block: a container's own sentences, not its children's.
    private func punctuation(_ index: Int) -> (commas: Int, stops: Int) {
        var commas = 0
        var stops = 0
        var stack = [index]
        while let current = stack.popLast() {
            if tree.isText(current) {
                // On UTF-8 bytes: 0x8C after 0xD8 is only ever the tail of the Arabic comma U+060C.
                tree.withText(at: current) { bytes in
                    var previous: UInt8 = 0
                    for byte in bytes {
                        if byte == 0x2C || (byte == 0x8C && previous == 0xD8) { commas += 1 } else if byte == 0x2E { stops += 1 }
                        previous = byte
                    }
                }
            } else if current == index || !tree.tag(at: current).isBlock {
                stack.append(contentsOf: tree.children(of: current))
            }
        }
        return (commas, stops)
    }

    /// The text length that scores an element holding running text: all of a `p`'s or `pre`'s
    /// (`isParagraph`), a container's own (see ``ownTextLength(_:)``); `nil` for other elements.
    private func textBlockLength(_ index: Int) -> (length: Int, isParagraph: Bool)? {
        guard tree.isElement(index) else { return nil }
        switch tree.tag(at: index) {
        case .p, .pre: return (textLength[index], true)
        case .div, .td, .font, .span, .section, .article, .center, .blockquote, .li, .dd, .main, .body:
            return (ownTextLength(index), false)
        default: return nil
        }
    }

    /// Characters of text directly inside `index` or inside its inline children (not blocks).
    func ownTextLength(_ index: Int) -> Int {
        var total = 0
        for child in tree.children(of: index) where !removed[child] {
            if tree.isText(child) {
                total += textLength[child]
            } else {
                let tag = tree.tag(at: child)
                if !tag.isBlock && tag != .br {
                    total += textLength[child] - (tag == .a ? textLength[child] : 0)
                }
            }
        }
        return total
    }
}

/// A count for each node of a tree, kept in 32 bits: a count never exceeds the page's bytes,
/// which libxml2 reads only up to `Int32.max`, and the four counts of a page's nodes then take
/// half the memory.
struct NodeCounts: Sendable {
    private var values: [Int32]

    init(_ values: [Int32]) {
        self.values = values
    }

    subscript(index: Int) -> Int {
        get { Int(values[index]) }
        set { values[index] = Int32(truncatingIfNeeded: newValue) }
    }
}
