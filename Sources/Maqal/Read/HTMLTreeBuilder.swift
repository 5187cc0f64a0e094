import CLibXML2
import Foundation

/// Builds an ``HTMLTree`` straight from parse events: those maqal's own reader
/// (``NativeHTMLReader``) hands it, or libxml2's (its SAX interface) for the pages that reader
/// leaves to libxml2, so libxml2 never builds a tree of its own that would then be copied and freed.
///
/// libxml2's own tree is made from these same events (its default handler turns each start,
/// end and text event into a node), so the element structure is the one its tree would have:
/// implied `html`/`body`/`p` elements, auto-closed tags and misnested markup all arrive as events
/// already resolved. What the default handler does beyond that is done here too: adjacent text
/// merges into one node unless a comment or processing instruction stands between, and an
/// element that starts after the root has closed joins the root when the root was the page's
/// first node (otherwise libxml2 hangs it off the doctype or a comment, out of the tree).
struct HTMLTreeBuilder {
    /// The tree so far, column by column.
    private var columns = TreeColumns()
    private(set) var jsonLD: [String] = []
    private(set) var flattened = 0
    /// Nodes with mojibake's tell-tale pairs in their text or in `content`, `alt` or `title`,
    /// checked here on the bytes so the repair pass looks at these alone.
    private(set) var mojibakeSuspects: [Int] = []

    /// One open element, in step with libxml2's own stack of open elements.
    private struct Frame {
        /// Where children attach: the element's node, or its ancestor's when it was flattened.
        var parent: Int
        /// That node's depth, kept here so a child's is found without reading the node.
        var depth: Int
        var preformatted: Bool
    }

    private var frames: [Frame] = []
    /// Open elements inside a skipped one (itself included): their events are ignored.
    private var skipDepth = 0
    /// Open elements inside a JSON-LD script (itself included): their text is collected.
    private var jsonLDDepth = 0
    private var jsonLDText: [UInt8] = []
    /// Text not yet made a node: the first `pendingCount` bytes. The array only grows, so
    /// emptying it after each node is setting the count to zero.
    private var pending = [UInt8](repeating: 0, count: 4096)
    private var pendingCount = 0
    /// Set by a reader whose text is well-formed UTF-8 (maqal's own, which reads only such pages):
    /// the text is then not checked again.
    var textIsWellFormed = false
    /// Whether something other than the root element came first in the document (a doctype, a
    /// comment), so a later top-level element is out of libxml2's tree.
    fileprivate var rootIsFirst = true

    /// Class values, and longer values of attributes that repeat, made strings once per
    /// distinct value (see ``StringPool``).
    private var values = StringPool()
    /// The number of the empty value in ``values``, for a `class` written without one.
    private let emptyValue: Int
    /// The number in the tree's name lists (``TreeColumns/nameLists``) of each value in
    /// ``values`` seen as a class without an id, by the value's number; -1 for one not seen so.
    private var listOfClasses: [Int32] = []
    /// Element names' numbers in ``TreeColumns/elementNames``.
    private var elementNumbers: [String: Int32] = [:]
    /// Splits class and id values and flags the names (Extract's, injected).
    private let classNames: any ClassNameReader

    /// The parser, while it runs.
    private var context: htmlParserCtxtPtr?

    /// A builder for a page of `byteCount` bytes.
    init(byteCount: Int = 0, classNames: any ClassNameReader) {
        self.classNames = classNames
        // List 0: the names of an element with neither class nor id.
        let noNames = classNames.names(class: nil, id: nil)
        columns.nameLists.append((noNames, classNames.flags(of: noNames)))
        var values = StringPool()
        emptyValue = values.number(of: UnsafeBufferPointer(start: nil, count: 0))
        self.values = values
        // Room for the most nodes and text a page of this size can hold (a node takes three
        // bytes of markup or more; text is never longer than the page), so no column is copied
        // to grow. Room is not memory: the pages past what is written are never touched, and a
        // page's text and nodes take only what they fill.
        let nodes = max(1024, byteCount / 3)
        columns.kinds.reserveCapacity(nodes)
        columns.tags.reserveCapacity(nodes)
        columns.parents.reserveCapacity(nodes)
        columns.starts.reserveCapacity(nodes)
        columns.lengths.reserveCapacity(nodes)
        columns.attributeStarts.reserveCapacity(nodes + 1)
        columns.nameListOf.reserveCapacity(nodes)
        columns.text.reserveCapacity(byteCount + 1)
        // Offset 0: the one space all white-space-only text between tags shares.
        columns.text.append(0x20)
    }

    /// The finished columns, with each node's subtree end worked out; the builder is done.
    mutating func finish() -> TreeColumns {
        var result = columns
        columns = TreeColumns()
        let count = result.kinds.count
        var ends = [Int32](unsafeUninitializedCapacity: count) { buffer, initialized in
            for index in 0..<count { buffer[index] = Int32(index + 1) }
            initialized = count
        }
        // A parent comes before its children, so one backward pass carries each end up.
        for index in (0..<count).reversed() {
            let parent = Int(result.parents[index])
            if parent >= 0 { ends[parent] = max(ends[parent], ends[index]) }
        }
        result.subtreeEnds = ends
        return result
    }

    /// Appends a node to every column; an element's attributes are appended before it.
    private mutating func appendNode(
        _ kind: HTMLTree.Kind, tag: HTMLTag, parent: Int, start: Int, length: Int, nameList: Int32
    ) {
        columns.kinds.append(kind)
        columns.tags.append(tag)
        columns.parents.append(Int32(truncatingIfNeeded: parent))
        columns.starts.append(Int32(truncatingIfNeeded: start))
        columns.lengths.append(Int32(truncatingIfNeeded: length))
        columns.attributeStarts.append(Int32(truncatingIfNeeded: columns.attributes.count))
        columns.nameListOf.append(nameList)
    }

    /// Parses `bytes` (UTF-8, no NUL) with `options`; returns why libxml2 stopped early, if it did.
    mutating func parse(_ bytes: UnsafeBufferPointer<UInt8>, options: Int32, libxml2: MaqalLibXML2) -> String? {
        guard let context = HTMLTreeBuilder.parserContext(for: bytes, options: options, libxml2: libxml2) else {
            return nil
        }
        self.context = context
        defer {
            self.context = nil
            libxml2.freeParserContext(context)
        }
        context.pointee.sax.pointee = HTMLTreeBuilder.handler
        // The events reach the builder through this pointer, valid for the parse alone.
        withUnsafeMutablePointer(to: &self) { builder in
            context.pointee.userData = UnsafeMutableRawPointer(builder)
            _ = libxml2.parseDocument(context)
            context.pointee.userData = nil
        }
        flushText()
        // A limit of libxml2's own (or its memory running out) halts the parser; recovered
        // markup errors do not. The page up to that point is all there is, so say so.
        guard context.pointee.disableSAX != 0, context.pointee.instate == XML_PARSER_EOF else { return nil }
        var message = context.pointee.lastError.message.map { String(cString: $0) } ?? "an internal limit"
        while let last = message.last, last.isWhitespace { message.removeLast() }
        return "libxml2: " + message
    }

    /// A parser context over UTF-8 `bytes` with `options`, set up as `htmlReadMemory` sets it
    /// up for the encoding "UTF-8" (but for its copy of the page); the caller sets the event
    /// handler, parses and frees it.
    static func parserContext(
        for bytes: UnsafeBufferPointer<UInt8>, options: Int32, libxml2: MaqalLibXML2
    ) -> htmlParserCtxtPtr? {
        let context: htmlParserCtxtPtr? = bytes.baseAddress!.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
            libxml2.createMemoryParserContext($0, Int32(bytes.count))
        }
        guard let context else { return nil }
        // What `xmlSwitchToEncoding` leaves behind for UTF-8, without its conversion: for an HTML
        // parser it converts the whole page at once into a second buffer twice the page's size
        // (UTF-8 to UTF-8 is a copy) and keeps the first one too. The handler is set on the input
        // as the switch sets it, so the parser takes the bytes as UTF-8 and, as after the switch,
        // reads an ill-formed sequence as one byte's character instead of switching to Latin-1.
        if let utf8 = libxml2.findEncodingHandler("UTF-8"), let input = context.pointee.input,
            let buffer = input.pointee.buf, buffer.pointee.encoder == nil
        {
            buffer.pointee.encoder = utf8
            context.pointee.charset = Int32(XML_CHAR_ENCODING_UTF8.rawValue)
            if let old = input.pointee.encoding { maqal_xml_free(UnsafeMutableRawPointer(mutating: old)) }
            input.pointee.encoding = UnsafePointer(libxml2.duplicate("UTF-8"))
        }
        _ = libxml2.useOptions(context, options)
        return context
    }

    /// The events the tree is built from; all others (entity declarations, errors) are left unset.
    private static var handler: htmlSAXHandler {
        var handler = htmlSAXHandler()
        handler.startElement = { user, name, attributes in
            guard let user, let name else { return }
            HTMLTreeBuilder.with(user) { builder in
                let element = builder.interned(name, element: true)
                builder.start(element, LibXML2Attributes(list: attributes))
            }
        }
        handler.endElement = { user, _ in
            guard let user else { return }
            HTMLTreeBuilder.with(user) { $0.end() }
        }
        handler.characters = { user, text, length in
            guard let user, let text else { return }
            HTMLTreeBuilder.with(user) { $0.characters(text, Int(length)) }
        }
        handler.cdataBlock = handler.characters
        handler.comment = { user, _ in
            guard let user else { return }
            HTMLTreeBuilder.with(user) { $0.breakText() }
        }
        handler.processingInstruction = { user, _, _ in
            guard let user else { return }
            HTMLTreeBuilder.with(user) { $0.breakText() }
        }
        handler.internalSubset = { user, _, _, _ in
            guard let user else { return }
            HTMLTreeBuilder.with(user) { $0.doctype() }
        }
        return handler
    }

    /// Runs `body` on the builder behind libxml2's user pointer (set by ``parse(_:options:)``
    /// for the parse's length).
    fileprivate static func with(_ pointer: UnsafeMutableRawPointer, _ body: (inout HTMLTreeBuilder) -> Void) {
        body(&pointer.assumingMemoryBound(to: HTMLTreeBuilder.self).pointee)
    }

    // MARK: - Events

    /// An element starts, with its attributes as the reader read them (values with their
    /// character references resolved).
    mutating func start<List: StartTagAttributes>(_ element: Name, _ attributes: List) {
        flushText()
        if skipDepth > 0 || jsonLDDepth > 0 {
            if skipDepth > 0 { skipDepth += 1 } else { jsonLDDepth += 1 }
            return
        }
        let parent: Int
        let depth: Int
        var preformatted = false
        if let frame = frames.last {
            parent = frame.parent
            depth = frame.depth + 1
            preformatted = frame.preformatted
        } else if columns.kinds.isEmpty {
            parent = -1
            depth = 0
        } else if rootIsFirst {
            parent = 0
            depth = 1
        } else {
            skipDepth = 1
            return
        }
        if element.role.contains(.script) {
            if let type = attributes.type(builder: &self), type.lowercasedCheaply().includes("ld+json") {
                jsonLDDepth = 1
                jsonLDText.removeAll(keepingCapacity: true)
            } else {
                skipDepth = 1
            }
            return
        }
        if element.role.contains(.skipped) {
            skipDepth = 1
            return
        }
        if depth > HTMLTree.maxDepth {
            // Keep the content, drop the element: its children attach to the ancestor.
            flattened += 1
            frames.append(Frame(parent: parent, depth: depth - 1, preformatted: preformatted))
            return
        }
        // The first `class` and `id` (what `HTMLTree.attribute(_:at:)` answers), and whether a field
        // metadata is read from shows mojibake.
        var classes: Int?
        var id: String?
        var suspect = false
        for position in 0..<attributes.count {
            let attribute = attributes.name(at: position, builder: &self)
            let value = attributes.value(at: position)
            let text: String
            if attribute.role.contains(.classAttribute) && classes == nil {
                let number = value.map { values.number(of: $0) } ?? emptyValue
                classes = number
                text = values[number]
            } else if let value {
                // Up to 15 bytes a string needs no allocation, so sharing it saves nothing.
                if value.count > 15 && !attribute.role.contains(.idAttribute) && !attribute.role.contains(.unshared) {
                    let number = values.number(of: value)
                    text = values[number]
                } else {
                    text = String(decoding: value, as: UTF8.self)
                }
            } else {
                // A known boolean attribute written bare (`nowrap`) has its own name as value.
                text = attribute.role.contains(.boolean) ? attribute.text : ""
            }
            if attribute.role.contains(.idAttribute) && id == nil { id = text }
            if attribute.role.contains(.repairable) && !suspect {
                suspect = MojibakeRepair.looksBroken(text, pairs: MojibakeRepair.Evidence.page.pairs)
            }
            columns.attributes.append((attribute.text, text))
        }
        let index = columns.kinds.count
        if suspect { mojibakeSuspects.append(index) }
        appendNode(.element, tag: element.tag, parent: parent, start: Int(element.number), length: 0,
                   nameList: nameList(class: classes, id: id))
        frames.append(Frame(parent: index, depth: depth, preformatted: preformatted || element.role.contains(.preformatted)))
    }

    /// The number of the element's class and id names (and what they say) in the tree's name
    /// lists; those of a class value without an id are worked out once per distinct value, as
    /// pages repeat their class lists.
    private mutating func nameList(class classes: Int?, id: String?) -> Int32 {
        func added(_ names: [String]) -> Int32 {
            columns.nameLists.append((names, classNames.flags(of: names)))
            return Int32(truncatingIfNeeded: columns.nameLists.count - 1)
        }
        guard let classes else { return id == nil ? 0 : added(classNames.names(class: nil, id: id)) }
        guard id == nil else { return added(classNames.names(class: values[classes], id: id)) }
        if classes >= listOfClasses.count {
            listOfClasses.append(contentsOf: repeatElement(-1, count: values.count - listOfClasses.count))
        }
        if listOfClasses[classes] >= 0 { return listOfClasses[classes] }
        let list = added(classNames.names(class: values[classes], id: nil))
        listOfClasses[classes] = list
        return list
    }

    mutating func end() {
        flushText()
        if skipDepth > 0 {
            skipDepth -= 1
            return
        }
        if jsonLDDepth > 0 {
            jsonLDDepth -= 1
            if jsonLDDepth == 0 { jsonLD.append(String(decoding: jsonLDText, as: UTF8.self)) }
            return
        }
        _ = frames.popLast()
    }

    mutating func characters(_ text: UnsafePointer<UInt8>, _ length: Int) {
        guard length > 0 else { return }
        let bytes = UnsafeBufferPointer(start: text, count: length)
        if jsonLDDepth > 0 {
            jsonLDText.append(contentsOf: bytes)
        } else if skipDepth == 0 && !frames.isEmpty {
            let end = pendingCount + length
            if end > pending.count {
                pending.append(contentsOf: repeatElement(0, count: max(end, 2 * pending.count) - pending.count))
            }
            let start = pendingCount
            pending.withUnsafeMutableBufferPointer { buffer in
                _ = UnsafeMutableBufferPointer(rebasing: buffer[start..<end]).initialize(from: bytes)
            }
            pendingCount = end
        }
    }

    /// A comment or processing instruction: libxml2 gives it a node, so text on either side
    /// stays two nodes. Before the root, it is the document's first node.
    mutating func breakText() {
        flushText()
        if columns.kinds.isEmpty { rootIsFirst = false }
    }

    /// A doctype: libxml2 makes it the document's first node wherever it stands.
    mutating func doctype() {
        rootIsFirst = false
    }

    /// Makes the pending text a node under the innermost open element.
    mutating func flushText() {
        guard pendingCount > 0 else { return }
        defer { pendingCount = 0 }
        guard let frame = frames.last, frame.parent >= 0 else { return }
        // A second reference for the closure, which changes the rest of the builder; `pending`
        // is not written meanwhile, so nothing is copied.
        let pending = pending
        pending.withUnsafeBufferPointer { all in
            let bytes = UnsafeBufferPointer(rebasing: all[..<pendingCount])
            // Pretty-printed pages are full of white-space-only text between tags: it only ever
            // means "a space", so it shares the one space at offset 0 instead of each keeping its own.
            let blank = !frame.preformatted
                && bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x0C }
            if !blank && MojibakeRepair.looksBroken(utf8: bytes, pairs: MojibakeRepair.Evidence.page.pairs) {
                mojibakeSuspects.append(columns.kinds.count)
            }
            let start = blank ? 0 : columns.text.count
            if blank {
            } else if textIsWellFormed || bytes.isValidUTF8 {
                columns.text.append(contentsOf: bytes)
            } else {
                // Ill-formed sequences become U+FFFD, as a `String` made from the bytes has them.
                columns.text.append(contentsOf: String(decoding: bytes, as: UTF8.self).utf8)
            }
            appendNode(.text, tag: .other, parent: frame.parent, start: start,
                       length: blank ? 1 : columns.text.count - start, nameList: 0)
        }
    }

    /// What the builder does with a name, worked out once per name.
    struct Role: OptionSet {
        let rawValue: UInt8
        static let script = Role(rawValue: 1)
        static let skipped = Role(rawValue: 2)
        static let preformatted = Role(rawValue: 4)
        /// `content`, `alt`, `title`: attributes metadata is read from, so mojibake is repaired in them.
        static let repairable = Role(rawValue: 8)
        static let classAttribute = Role(rawValue: 16)
        static let idAttribute = Role(rawValue: 32)
        /// Attributes whose values seldom repeat on a page (corpus: under a third of `href` and
        /// `src` values, under a tenth of `name` and `data-src`), so sharing them costs more than it saves.
        static let unshared = Role(rawValue: 64)
        /// Attributes HTML 4 defines as boolean (libxml2's `htmlIsBooleanAttr`): written bare,
        /// their value is their name.
        static let boolean = Role(rawValue: 128)

        init(rawValue: UInt8) { self.rawValue = rawValue }

        init(of name: String) {
            self = []
            switch name {
            case "script": insert(.script)
            case "pre", "textarea": insert(.preformatted)
            case "content", "alt", "title": insert(.repairable)
            case "class": insert(.classAttribute)
            case "id": insert(.idAttribute)
            case "href", "src", "name", "data-src", "srcset": insert(.unshared)
            case "checked", "compact", "declare", "defer", "disabled", "ismap", "multiple", "nohref", "noresize",
                "noshade", "nowrap", "readonly", "selected":
                insert(.boolean)
            default: break
            }
            if HTMLTree.skippedElements.contains(name) && name != "script" { insert(.skipped) }
        }
    }

    /// An element or attribute name, as the tree keeps it and with what the builder does with it.
    struct Name {
        var text: String
        /// An element name's number in ``TreeColumns/elementNames``.
        var number: Int32
        var role: Role
        /// For element names; attribute names have ``HTMLTag/other``.
        var tag: HTMLTag
    }

    /// libxml2 keeps one copy of each element and attribute name per parse (its dictionary;
    /// implied elements are C literals), so a name's address stands for the name: a table by
    /// address makes each a `String`, with its role, once per parse.
    /// Element names (slots 0–511) and attribute names (512–1023) apart: only element names
    /// lose a namespace prefix (libxml2 keeps `xml:lang` whole as an attribute name).
    private var nameSlots = [(address: UnsafePointer<xmlChar>?, name: Name)](
        repeating: (nil, Name(text: "", number: 0, role: [], tag: .other)), count: 1024)
    /// Names kept in each half of ``nameSlots``.
    private var namesKept = (elements: 0, attributes: 0)

    fileprivate mutating func interned(_ address: UnsafePointer<xmlChar>, element: Bool) -> Name {
        // The dictionary packs names a few bytes apart: multiplying spreads neighbours over the
        // table, and probing on from a taken slot keeps two names from evicting each other.
        let hash = UInt(bitPattern: address) &* 0x9E37_79B9_7F4A_7C15
        let half = element ? 0 : 512
        var slot = Int(truncatingIfNeeded: hash >> 55)
        while let kept = nameSlots[half + slot].address {
            if kept == address { return nameSlots[half + slot].name }
            slot = (slot + 1) & 511
        }
        let name = makeName(element ? localName(address) : String(cString: address), element: element)
        // Half full at most, so probes stay short; a page with more distinct names makes the
        // rest each time they come.
        if element ? namesKept.elements < 256 : namesKept.attributes < 256 {
            nameSlots[half + slot] = (address, name)
            if element { namesKept.elements += 1 } else { namesKept.attributes += 1 }
        }
        return name
    }

    /// The builder's record of a name read as `text` (lower case; an element's without its
    /// namespace prefix), made once per distinct name by whichever reader read it.
    mutating func makeName(_ text: String, element: Bool) -> Name {
        var number: Int32 = 0
        if element {
            if let known = elementNumbers[text] {
                number = known
            } else {
                number = Int32(truncatingIfNeeded: columns.elementNames.count)
                columns.elementNames.append(text)
                elementNumbers[text] = number
            }
        }
        return Name(text: text, number: number, role: Role(of: text), tag: element ? HTMLTag(name: text) : .other)
    }

    /// The name as libxml2's tree names it: lower-cased as read, and with a namespace prefix
    /// (`fb:share-button`, `o:p`) split off the way libxml2 splits it.
    func localName(_ name: UnsafePointer<xmlChar>) -> String {
        let length = strlen(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self))
        var colon = 0
        while colon < length && name[colon] != 0x3A { colon += 1 }
        guard colon < length else { return String(cString: name) }
        // While libxml2 parses, its own split, which reports an odd name to the parser.
        if let context, let libxml2 = LibXML2.functions?.pointee {
            var prefix: UnsafeMutablePointer<xmlChar>?
            guard let local = libxml2.splitQName(context, name, &prefix) else { return String(cString: name) }
            if let prefix { maqal_xml_free(prefix) }
            defer { maqal_xml_free(local) }
            return String(cString: local)
        }
        // maqal's own reader: `xmlSplitQName` without a parser, which has no one to report to. The
        // name is whole when it starts with `:` or ends at its first `:`; else what follows that
        // `:`, later ones included.
        guard colon > 0, colon + 1 < length else { return String(cString: name) }
        return String(decoding: UnsafeBufferPointer(start: name + colon + 1, count: length - colon - 1), as: UTF8.self)
    }

    /// The bytes of a C string of libxml2's, up to its NUL.
    fileprivate static func bytes(of text: UnsafePointer<xmlChar>) -> UnsafeBufferPointer<UInt8> {
        let count = UnsafeRawPointer(text).withMemoryRebound(to: CChar.self, capacity: 1) { strlen($0) }
        return UnsafeBufferPointer(start: text, count: count)
    }
}

/// A start tag's attributes as a reader hands them to ``HTMLTreeBuilder``: names the builder
/// knows (``HTMLTreeBuilder/Name``) and values as UTF-8 bytes.
protocol StartTagAttributes {
    var count: Int { get }
    /// The name of attribute `position`, made known to `builder` if it is new.
    func name(at position: Int, builder: inout HTMLTreeBuilder) -> HTMLTreeBuilder.Name
    /// The value of attribute `position`, character references resolved; `nil` when written bare.
    func value(at position: Int) -> UnsafeBufferPointer<UInt8>?
}

extension StartTagAttributes {
    /// The value of the first `type` attribute ("" when written bare), as a script's is read.
    func type(builder: inout HTMLTreeBuilder) -> String? {
        for position in 0..<count where name(at: position, builder: &builder).text == "type" {
            return value(at: position).map { String(decoding: $0, as: UTF8.self) } ?? ""
        }
        return nil
    }
}

/// libxml2's attribute list: name and value pointers in turn, ended by a null name.
private struct LibXML2Attributes: StartTagAttributes {
    let list: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    let count: Int

    init(list: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        self.list = list
        var count = 0
        if let list {
            while list[2 * count] != nil { count += 1 }
        }
        self.count = count
    }

    func name(at position: Int, builder: inout HTMLTreeBuilder) -> HTMLTreeBuilder.Name {
        builder.interned(list![2 * position]!, element: false)
    }

    func value(at position: Int) -> UnsafeBufferPointer<UInt8>? {
        list![2 * position + 1].map { HTMLTreeBuilder.bytes(of: $0) }
    }
}
