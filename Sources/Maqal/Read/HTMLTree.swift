import CLibXML2
import Foundation

/// A compact, immutable-after-build tree of an HTML page: elements and text in document order,
/// so every subtree is one run of indices and children are found by hopping from one sibling's
/// run to the next (no list per element). ``HTMLTreeBuilder`` builds it from parse events:
/// maqal's own reader's (``NativeHTMLReader``), or libxml2's for a page that reader leaves to
/// it, inside one function, so no C pointer outlives the parse (STYLE.md).
///
/// The nodes are stored as columns (``TreeColumns``), one array per field, and read through
/// accessors by index (``tag(at:)``, ``attribute(_:at:)``, ``children(of:)``): a pass that asks
/// one field of every node reads one small array, and a text is a range of one shared byte
/// buffer instead of a `String` of its own.
struct HTMLTree: Sendable {
    enum Kind: UInt8, Sendable { case element, text }
    /// An element's attributes as written (names lower-cased by libxml2), first to last.
    typealias Attributes = ArraySlice<(name: String, value: String)>

    /// The nodes' fields, column by column, behind one reference: a tree is copied into every
    /// stage's (and every nested segmenter's) value, and a copy then retains one object, not a
    /// dozen arrays.
    private(set) var storage = TreeStorage(TreeColumns())
    /// Nodes whose text, or whose `content`, `alt` or `title`, shows mojibake's tell-tale pairs.
    private(set) var mojibakeSuspects: [Int] = []
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
    /// Why the page was not read at all: it needs libxml2's parser, which could not be loaded.
    private(set) var libxml2Unavailable: String?
    /// Which reader read the page: maqal's own, or libxml2 where the page has what maqal's own
    /// does not model.
    private(set) var reader = Reader.libxml2

    /// The two readers of a page: both give the same tree (`NativeReaderTests`).
    enum Reader: Sendable, Equatable {
        /// ``NativeHTMLReader``, which hands the page to libxml2 where it cannot read it exactly.
        case native
        case libxml2
    }

    /// How many nodes the tree holds.
    var count: Int { storage.columns.kinds.count }
    /// Every node's index, in document order.
    var indices: Range<Int> { 0..<count }
    /// The page's root element, if it had one.
    var root: Int? { count == 0 ? nil : 0 }

    // MARK: - One node's fields

    func kind(at index: Int) -> Kind { storage.columns.kinds[index] }
    func isText(_ index: Int) -> Bool { storage.columns.kinds[index] == .text }
    func isElement(_ index: Int) -> Bool { storage.columns.kinds[index] == .element }
    /// The element's tag when the pipeline knows it by name; ``HTMLTag/other`` for text.
    func tag(at index: Int) -> HTMLTag { storage.columns.tags[index] }
    /// The parent's index; -1 for the root.
    func parent(of index: Int) -> Int { Int(storage.columns.parents[index]) }

    /// Lower-case tag name for elements; empty for text.
    func elementName(at index: Int) -> String {
        isText(index) ? "" : storage.columns.elementNames[Int(storage.columns.starts[index])]
    }

    /// The text of a text node (empty for an element), as a new `String`; passes that only read
    /// the bytes use ``withText(at:_:)``.
    func nodeText(at index: Int) -> String {
        withText(at: index) { String(decoding: $0, as: UTF8.self) }
    }

    /// Runs `body` on the UTF-8 bytes of a text node's text (none for an element).
    func withText<Result>(at index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        guard isText(index) else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        let start = Int(storage.columns.starts[index])
        let end = start + Int(storage.columns.lengths[index])
        return storage.columns.text.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<end])) }
    }

    /// The element's attributes (none for text).
    func attributes(at index: Int) -> Attributes {
        storage.columns.attributes[Int(storage.columns.attributeStarts[index])..<Int(storage.columns.attributeStarts[index + 1])]
    }

    func hasAttributes(at index: Int) -> Bool {
        storage.columns.attributeStarts[index] != storage.columns.attributeStarts[index + 1]
    }

    /// The value of the element's first attribute called `name`.
    func attribute(_ name: String, at index: Int) -> String? {
        Self.attribute(name, in: attributes(at: index))
    }

    /// The value of the first attribute called `name` in `attributes`.
    static func attribute(_ name: String, in attributes: Attributes) -> String? {
        // Most names differ in length: comparing lengths first skips String's slower path
        // for unequal strings.
        let length = name.utf8.count
        for position in attributes.indices
        where attributes[position].name.utf8.count == length && attributes[position].name == name {
            return attributes[position].value
        }
        return nil
    }

    /// Class and id names, as the ``ClassNameReader`` the tree was built with splits them.
    func names(at index: Int) -> [String] { storage.columns.nameLists[Int(storage.columns.nameListOf[index])].names }
    /// The number of the node's list of class and id names: nodes with the same number have the
    /// same ``names(at:)`` (elements sharing a class value share one list), so what depends only on
    /// the names can be worked out once per number, from 0 to ``nameListCount``.
    func nameList(at index: Int) -> Int { Int(storage.columns.nameListOf[index]) }
    /// How many lists of class and id names the tree holds.
    var nameListCount: Int { storage.columns.nameLists.count }
    /// What the class and id names say, worked out with ``names(at:)`` by the ``ClassNameReader``
    /// the tree was built with.
    func nameFacts(at index: Int) -> NameFlags { storage.columns.nameLists[Int(storage.columns.nameListOf[index])].facts }

    /// Deeper nesting is flattened into the ancestor at this depth, so every walker over the
    /// tree stays within a bounded stack.
    static let maxDepth = 400

    /// Elements whose content is never article text; their subtrees are not kept.
    static let skippedElements: Set<String> = [
        "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas", "select",
        "option", "textarea", "input", "button", "map", "head-script", "frameset", "frame", "applet", "audio",
        "video", "source", "track", "param",
    ]

    /// The reader ``parse(utf8:classNames:options:lean:reader:)`` uses unless told: maqal's own,
    /// but for benchmarks that measure libxml2's (`maqal-bench` with `MAQAL_READER=libxml2`).
    nonisolated(unsafe) static var defaultReader = Reader.native

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
        guard !utf8.isEmpty, let libxml2 = LibXML2.functions?.pointee else { return }
        maqal_xml_silence()
        let document: htmlDocPtr? = utf8.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                libxml2.readMemory(pointer, Int32(buffer.count), nil, "UTF-8", parseOptions)
            }
        }
        if let document { libxml2.freeDocument(document) }
    }

    /// Runs libxml2's parser over the bytes with every event ignored: no tree is built.
    static func tokenizeAndDiscard(_ utf8: [UInt8]) {
        guard !utf8.isEmpty, let libxml2 = LibXML2.functions?.pointee else { return }
        maqal_xml_silence()
        utf8.withUnsafeBufferPointer { buffer in
            guard let context = HTMLTreeBuilder.parserContext(for: buffer, options: parseOptions, libxml2: libxml2)
            else { return }
            context.pointee.sax.pointee = htmlSAXHandler()
            _ = libxml2.parseDocument(context)
            libxml2.freeParserContext(context)
        }
    }

    /// Parses UTF-8 `bytes` into the tree, with maqal's own reader or, for a page it hands on,
    /// libxml2's, class and id values read by `classNames`;
    /// `options` other than ``parseOptions`` only in tests that show what libxml2's own defaults
    /// would do. `lean` off hands libxml2 the page as it is (but for ``ExcessAttributes``), for
    /// tests that compare the two. `reader` `.libxml2` skips maqal's own reader, for tests and
    /// benchmarks that compare the two; it is used only with ``parseOptions``. `wellFormed` says
    /// the bytes are well-formed UTF-8 (the Decode stage makes them so), which the reader then
    /// does not check again. `arena` off leaves libxml2's allocations to the C allocator, for the
    /// tests that show the arena (``ParseArena``) changes nothing.
    static func parse(
        utf8 bytes: [UInt8], classNames: any ClassNameReader, options: Int32 = parseOptions, lean: Bool = true,
        reader: Reader = defaultReader, wellFormed: Bool = false, arena: Bool = true
    ) -> HTMLTree {
        var tree = HTMLTree()
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
        var builder: HTMLTreeBuilder
        if reader == .native && options == parseOptions,
            let native = bytes.withUnsafeBufferPointer({ NativeHTMLReader.read($0, classNames: classNames, wellFormed: wellFormed) })
        {
            builder = native
            tree.reader = .native
        } else if let libxml2 = LibXML2.functions?.pointee {
            builder = HTMLTreeBuilder(byteCount: bytes.count, classNames: classNames)
            maqal_xml_silence()
            // libxml2's allocations come from the thread's arena while it reads (``ParseArena``).
            let parse = { bytes.withUnsafeBufferPointer { builder.parse($0, options: options, libxml2: libxml2) } }
            tree.stoppedEarly = arena ? ParseArena.run(parse) : parse()
        } else {
            tree.libxml2Unavailable = LibXML2.failure
            return tree
        }
        tree.jsonLD = builder.jsonLD
        tree.flattened = builder.flattened
        tree.mojibakeSuspects = builder.mojibakeSuspects
        tree.storage = TreeStorage(builder.finish())
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
        if isText(index) {
            guard let fixed = MojibakeRepair.repair(nodeText(at: index), evidence: evidence) else { return 0 }
            return changeColumns { columns in
                // The repaired text goes at the end of the shared buffer; the old bytes stay unused.
                guard columns.text.count + fixed.utf8.count <= Int(Int32.max) else { return 0 }
                columns.starts[index] = Int32(columns.text.count)
                columns.lengths[index] = Int32(fixed.utf8.count)
                columns.text.append(contentsOf: fixed.utf8)
                return 1
            }
        }
        var count = 0
        for position in attributes(at: index).indices {
            let name = storage.columns.attributes[position].name
            guard name == "content" || name == "alt" || name == "title" else { continue }
            if let fixed = MojibakeRepair.repair(storage.columns.attributes[position].value, evidence: evidence) {
                changeColumns { $0.attributes[position].value = fixed }
                count += 1
            }
        }
        return count
    }

    /// Runs `change` on the columns and stores the result as a new storage; the arrays are
    /// changed in place when no other tree shares them.
    private mutating func changeColumns<Result>(_ change: (inout TreeColumns) -> Result) -> Result {
        var columns = storage.columns
        storage = TreeStorage(TreeColumns())
        defer { storage = TreeStorage(columns) }
        return change(&columns)
    }

    // MARK: - Queries

    /// All element indices under `index` (itself included) in document order.
    func descendants(of index: Int) -> [Int] {
        subtree(of: index).filter { isElement($0) }
    }

    /// The nodes directly under `index`, in document order.
    func children(of index: Int) -> ChildIndices {
        ChildIndices(subtreeEnds: storage.columns.subtreeEnds, position: index + 1, end: Int(storage.columns.subtreeEnds[index]))
    }

    /// Walks a node's children: the first starts right after the node, each next one right
    /// after the previous one's subtree.
    struct ChildIndices: Sequence, IteratorProtocol {
        fileprivate let subtreeEnds: [Int32]
        fileprivate var position: Int
        fileprivate let end: Int

        mutating func next() -> Int? {
            guard position < end else { return nil }
            defer { position = Int(subtreeEnds[position]) }
            return position
        }
    }

    /// The indices of `index` and everything under it: nodes are stored in document order, so a
    /// subtree is one run of indices.
    func subtree(of index: Int) -> Range<Int> {
        index..<Int(storage.columns.subtreeEnds[index])
    }

    /// The text under `index` with white space folded, as a browser would show it.
    func text(of index: Int) -> String {
        var folder = WhitespaceFolder()
        storage.columns.text.withUnsafeBufferPointer { text in
            for current in subtree(of: index) {
                if isText(current) {
                    let start = Int(storage.columns.starts[current])
                    folder.append(utf8: UnsafeBufferPointer(rebasing: text[start..<start + Int(storage.columns.lengths[current])]))
                } else if tag(at: current) == .br || tag(at: current).isBlock {
                    folder.breakHere()
                }
            }
        }
        return folder.result
    }
}

/// The one object an ``HTMLTree``'s columns live in; immutable, so reading a column needs no
/// exclusivity check and a tree's copies share it.
final class TreeStorage: Sendable {
    let columns: TreeColumns

    init(_ columns: TreeColumns) {
        self.columns = columns
    }
}

/// The nodes of an ``HTMLTree``, one array per field, all indexed by node.
///
/// The builder appends to every column once per node; after ``HTMLTreeBuilder/finish()`` nothing
/// changes but mojibake repair, which appends repaired text and repoints its node.
struct TreeColumns: Sendable {
    var kinds: [HTMLTree.Kind] = []
    var tags: [HTMLTag] = []
    /// The parent's index; -1 for the root.
    var parents: [Int32] = []
    /// The index just past the node's subtree.
    var subtreeEnds: [Int32] = []
    /// A text node's first byte in ``text``; an element's name as its number in ``elementNames``.
    var starts: [Int32] = []
    /// A text node's length in bytes in ``text``; 0 for an element.
    var lengths: [Int32] = []
    /// Where the node's attributes start in ``attributes``; one more entry than nodes, so a
    /// node's attributes end where the next node's start.
    var attributeStarts: [Int32] = [0]
    /// The node's class and id names, as a number in ``nameLists``.
    var nameListOf: [Int32] = []

    /// Every text node's UTF-8 bytes, one after the other.
    var text: [UInt8] = []
    var elementNames: [String] = []
    var attributes: [(name: String, value: String)] = []
    /// Distinct lists of class and id names, with what they say; number 0 is the list of an
    /// element with neither.
    var nameLists: [(names: [String], facts: NameFlags)] = []
}
