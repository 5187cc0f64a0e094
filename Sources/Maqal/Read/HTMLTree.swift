import CLibXML2
import Foundation

/// A compact, immutable-after-build tree of an HTML page: elements and text in one array in
/// document order, so every subtree is one run of indices and children are found by hopping
/// from one sibling's run to the next (no list per element). ``HTMLTreeBuilder`` builds it from libxml2's parse events inside one
/// function, so no C pointer outlives the parse (STYLE.md).
struct HTMLTree: Sendable {
    struct Node: Sendable {
        enum Kind: Sendable { case element, text }
        var kind: Kind
        /// The element's tag when the pipeline knows it by name; ``HTMLTag/other`` for text.
        var tag: HTMLTag
        /// What the class and id names say, worked out with ``names`` by the ``ClassNameReader``
        /// the tree was built with.
        var nameFacts: NameFlags
        /// Lower-case tag name for elements; empty for text.
        var name: String
        /// Text content for text nodes.
        var text: String
        var attributes: [(name: String, value: String)]
        /// Class and id names, as the ``ClassNameReader`` the tree was built with splits them.
        var names: [String]
        // 32 bits each: a node is 64 bytes instead of 80, and a page's nodes stream through
        // the cache faster in every pass over the tree.
        private var parentIndex: Int32
        private var depthValue: Int32
        /// The parent's index; -1 for the root.
        var parent: Int { Int(parentIndex) }
        var depth: Int { Int(depthValue) }

        init(kind: Kind, tag: HTMLTag = .other, name: String, text: String, attributes: [(name: String, value: String)],
             names: [String] = [], nameFacts: NameFlags = [], parent: Int, depth: Int) {
            self.kind = kind
            self.tag = tag
            self.nameFacts = nameFacts
            self.name = name
            self.text = text
            self.attributes = attributes
            self.names = names
            self.parentIndex = Int32(truncatingIfNeeded: parent)
            self.depthValue = Int32(truncatingIfNeeded: depth)
        }

        func attribute(_ name: String) -> String? {
            Node.attribute(name, in: attributes)
        }

        /// The value of the first attribute called `name` in `attributes`, for callers that read
        /// a node's attribute list in place instead of copying the node.
        static func attribute(_ name: String, in attributes: [(name: String, value: String)]) -> String? {
            // Most names differ in length: comparing lengths first skips String's slower path
            // for unequal strings.
            let length = name.utf8.count
            return attributes.first { $0.name.utf8.count == length && $0.name == name }?.value
        }
    }

    private(set) var nodes: [Node] = []
    /// Nodes whose text, or whose `content`, `alt` or `title`, shows mojibake's tell-tale pairs.
    private(set) var mojibakeSuspects: [Int] = []
    /// For each node, the index just past its subtree (see ``subtree(of:)``).
    private(set) var subtreeEnds: [Int] = []
    /// Texts of `<script type="application/ld+json">` blocks, in page order.
    private(set) var jsonLD: [String] = []
    /// Elements flattened into an ancestor because the page nested deeper than ``maxDepth``.
    private(set) var flattened = 0
    /// Attributes dropped from elements that had more than ``ExcessAttributes/limit``.
    private(set) var droppedAttributes = 0
    /// Long `data:` payloads lifted out before libxml2 read the page (``InlinedData``), by the
    /// index their stand-in names.
    private(set) var inlinedData: [[UInt8]] = []
    /// Why libxml2 stopped before the end of the page, if it did: what follows is missing.
    private(set) var stoppedEarly: String?
    /// The page's root element, if it had one.
    var root: Int? { nodes.isEmpty ? nil : 0 }

    /// Deeper nesting is flattened into the ancestor at this depth, so every walker over the
    /// tree stays within a bounded stack.
    static let maxDepth = 400

    /// Elements whose content is never article text; their subtrees are not kept.
    static let skippedElements: Set<String> = [
        "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas", "select",
        "option", "textarea", "input", "button", "map", "head-script", "frameset", "frame", "applet", "audio",
        "video", "source", "track", "param",
    ]

    subscript(index: Int) -> Node { nodes[index] }

    /// libxml2's global state, initialised once before any thread parses (its documented rule
    /// for use from several threads).
    private static let libxml2Ready: Bool = {
        xmlInitParser()
        return true
    }()

    /// libxml2's options for every page: recover from broken markup, never touch the network,
    /// never print, and take the bytes as the UTF-8 they are.
    ///
    /// `XML_PARSE_HUGE` lifts libxml2's size limits. Its best-known ones, nesting depth 256 and a
    /// 10 MB text node, belong to its own tree builder, which maqal does not use (see
    /// ``HTMLTreeBuilder``); depth is bounded by ``maxDepth`` instead.
    static let parseOptions = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
        | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_IGNORE_ENC.rawValue
        | HTML_PARSE_COMPACT.rawValue | XML_PARSE_HUGE.rawValue)

    /// Parses and frees, keeping nothing: the floor the benchmark compares the pipeline with.
    static func parseAndDiscard(_ utf8: [UInt8]) {
        guard !utf8.isEmpty else { return }
        _ = libxml2Ready
        maqal_xml_silence()
        let document: htmlDocPtr? = utf8.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                htmlReadMemory(pointer, Int32(buffer.count), nil, "UTF-8", parseOptions)
            }
        }
        if let document { xmlFreeDoc(document) }
    }

    /// Runs libxml2's parser over the bytes with every event ignored: no tree is built.
    static func tokenizeAndDiscard(_ utf8: [UInt8]) {
        guard !utf8.isEmpty else { return }
        _ = libxml2Ready
        maqal_xml_silence()
        utf8.withUnsafeBufferPointer { buffer in
            guard let context = HTMLTreeBuilder.parserContext(for: buffer, options: parseOptions) else { return }
            context.pointee.sax.pointee = htmlSAXHandler()
            htmlParseDocument(context)
            htmlFreeParserCtxt(context)
        }
    }

    /// Parses UTF-8 `bytes` with libxml2 into the tree, class and id values read by `classNames`;
    /// `options` other than ``parseOptions`` only in tests that show what libxml2's own defaults
    /// would do. `lean` off hands libxml2 the page as it is (but for ``ExcessAttributes``), for
    /// tests that compare the two.
    static func parse(
        utf8 bytes: [UInt8], classNames: any ClassNameReader, options: Int32 = parseOptions, lean: Bool = true
    ) -> HTMLTree {
        var tree = HTMLTree()
        _ = libxml2Ready
        maqal_xml_silence()
        var bytes = bytes
        // libxml2 reads a C string's worth: a NUL would end the page there.
        let hasNUL = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { memchr($0, 0, buffer.count) != nil } ?? false
        }
        if hasNUL { bytes.removeAll { $0 == 0 } }
        guard !bytes.isEmpty else { return tree }
        guard bytes.count <= Int(Int32.max) else {
            tree.stoppedEarly = "the page is \(bytes.count) bytes as UTF-8, more than libxml2 reads at once"
            return tree
        }
        tree.inlinedData = InlinedData.lift(from: &bytes)
        if lean {
            (bytes, tree.droppedAttributes) = LeanPage.make(from: bytes)
        } else {
            tree.droppedAttributes = ExcessAttributes.drop(from: &bytes)
        }
        let builder = HTMLTreeBuilder(byteCount: bytes.count, classNames: classNames)
        tree.stoppedEarly = bytes.withUnsafeBufferPointer { builder.parse($0, options: options) }
        tree.nodes = builder.nodes
        tree.jsonLD = builder.jsonLD
        tree.flattened = builder.flattened
        tree.mojibakeSuspects = builder.mojibakeSuspects
        tree.subtreeEnds = tree.nodes.indices.map { $0 + 1 }
        // A parent comes before its children, so one backward pass carries each end up.
        for index in tree.nodes.indices.reversed() {
            let parent = tree.nodes[index].parent
            if parent >= 0 { tree.subtreeEnds[parent] = max(tree.subtreeEnds[parent], tree.subtreeEnds[index]) }
        }
        return tree
    }

    /// Repairs mojibake in text nodes, the attributes metadata is read from, and JSON-LD;
    /// returns how many runs changed. Only nodes the builder saw a tell-tale pair in are looked at:
    /// first those that show mojibake on their own, then, once the page is known to hold some, the
    /// runs too short to show it (``MojibakeRepair/Evidence``), so no block of a repaired page keeps
    /// a broken word between its links.
    mutating func repairMojibake() -> Int {
        var count = 0
        var unrepaired: [Int] = []
        for index in mojibakeSuspects {
            let repaired = repairMojibake(at: index, evidence: .run)
            count += repaired
            if repaired == 0 { unrepaired.append(index) }
        }
        for index in jsonLD.indices {
            if let fixed = MojibakeRepair.repair(jsonLD[index]) {
                jsonLD[index] = fixed
                count += 1
            }
        }
        if count > 0 {
            for index in unrepaired { count += repairMojibake(at: index, evidence: .page) }
        }
        return count
    }

    /// Repairs one text node, or the metadata attributes of one element; returns how many runs changed.
    private mutating func repairMojibake(at index: Int, evidence: MojibakeRepair.Evidence) -> Int {
        if nodes[index].kind == .text {
            guard let fixed = MojibakeRepair.repair(nodes[index].text, evidence: evidence) else { return 0 }
            nodes[index].text = fixed
            return 1
        }
        var count = 0
        for position in nodes[index].attributes.indices {
            let name = nodes[index].attributes[position].name
            guard name == "content" || name == "alt" || name == "title" else { continue }
            if let fixed = MojibakeRepair.repair(nodes[index].attributes[position].value, evidence: evidence) {
                nodes[index].attributes[position].value = fixed
                count += 1
            }
        }
        return count
    }

    // MARK: - Queries

    /// All element indices under `index` (itself included) in document order.
    func descendants(of index: Int) -> [Int] {
        subtree(of: index).filter { nodes[$0].kind == .element }
    }

    /// The nodes directly under `index`, in document order.
    func children(of index: Int) -> ChildIndices {
        ChildIndices(subtreeEnds: subtreeEnds, position: index + 1, end: subtreeEnds[index])
    }

    /// Walks a node's children: the first starts right after the node, each next one right
    /// after the previous one's subtree.
    struct ChildIndices: Sequence, IteratorProtocol {
        fileprivate let subtreeEnds: [Int]
        fileprivate var position: Int
        fileprivate let end: Int

        mutating func next() -> Int? {
            guard position < end else { return nil }
            defer { position = subtreeEnds[position] }
            return position
        }
    }

    /// The indices of `index` and everything under it: nodes are stored in document order, so a
    /// subtree is one run of indices.
    func subtree(of index: Int) -> Range<Int> {
        index..<subtreeEnds[index]
    }

    /// The text under `index` with white space folded, as a browser would show it.
    func text(of index: Int) -> String {
        var folder = WhitespaceFolder()
        for current in subtree(of: index) {
            if nodes[current].kind == .text {
                folder.append(nodes[current].text)
            } else if nodes[current].tag == .br || nodes[current].tag.isBlock {
                folder.breakHere()
            }
        }
        return folder.result
    }
}
