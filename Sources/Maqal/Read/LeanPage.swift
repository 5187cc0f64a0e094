import Foundation

/// The page as libxml2 is given it: the same tree for everything maqal reads, with less for
/// libxml2 to read.
///
/// libxml2 reads every character of a page one at a time, and copies every attribute value, but
/// most of a page's bytes never reach a stage: the content of `script` and `style` (29 % of the
/// corpus pages' bytes), attributes no stage asks for (9 %), comments, and the blank runs of
/// pretty-printed markup. One pass over the bytes, following libxml2 2.9.14's own reading of
/// tags, quotes, comments and raw text, removes them:
///
/// - the content of `script` and `style` (not of JSON-LD scripts, which are read), the elements
///   kept, since they imply `head` and `body` as any element does;
/// - attributes not in ``HTMLTree/readAttributes``, and every attribute of an element whose
///   subtree the tree leaves out (``HTMLTree/skippedElements``: only a script's `type` is read);
/// - the attributes past ``ExcessAttributes/limit``, counted as ``ExcessAttributes`` counts them;
/// - the text of comments (the comment stays: it splits text nodes);
/// - runs of blank characters in text, to one, outside `pre`, `textarea`, `listing`, `xmp` and
///   `plaintext`.
///
/// Where libxml2's reading would depend on state the pass does not keep (a control character in
/// a tag, a comment that never ends, `</div>` opening a script's content, `<body>` opening a `style`'s),
/// the rest of the page goes to libxml2 as it is, with only ``ExcessAttributes`` applied.
enum LeanPage {
    /// The bytes for libxml2 in place of `html` (UTF-8 without NULs), and how many attributes went
    /// past ``ExcessAttributes/limit``.
    static func make(from html: [UInt8]) -> (bytes: [UInt8], droppedAttributes: Int) {
        guard !html.isEmpty else { return ([], 0) }
        let names = Names.shared
        var dropped = 0
        // Every change removes bytes (a comment's `--!>` becomes `-->`), so the page's size is room enough.
        let bytes = [UInt8](unsafeUninitializedCapacity: html.count) { output, written in
            html.withUnsafeBufferPointer { input in
                var scanner = Scanner(input: input, output: output.baseAddress!, names: names)
                scanner.run()
                written = scanner.written
                dropped = scanner.dropped
            }
        }
        return (bytes, dropped)
    }

    // MARK: - Names

    /// Element and attribute names the pass tells apart, compared with the page's bytes in any case.
    fileprivate struct Names: Sendable {
        struct Role: OptionSet, Sendable {
            let rawValue: UInt8
            /// `script` or `style`: libxml2 reads their content as raw text.
            static let rawText = Role(rawValue: 1)
            static let script = Role(rawValue: 2)
            static let style = Role(rawValue: 4)
            /// White space inside is kept as it is.
            static let preformatted = Role(rawValue: 8)
            /// End tags of these are not closed by `</pre>` (libxml2's end-tag priorities), so a
            /// `pre` they open inside may outlive its end tag.
            static let outranksPre = Role(rawValue: 16)
            /// The tree leaves the element's subtree out: none of its attributes is read.
            static let skipped = Role(rawValue: 32)
        }

        /// Element names by length.
        private var elements: [[(name: [UInt8], role: Role)]] = Array(repeating: [], count: 12)
        /// ``HTMLTree/readAttributes`` by length.
        private var kept: [[[UInt8]]] = Array(repeating: [], count: 20)

        static let shared = Names()

        private init() {
            var roles: [String: Role] = [
                "script": [.rawText, .script], "style": [.rawText, .style],
                "pre": .preformatted, "textarea": .preformatted, "listing": .preformatted, "xmp": .preformatted,
                "plaintext": .preformatted,
            ]
            for name in ["html", "head", "body", "div", "td", "th", "tr", "thead", "tbody", "tfoot", "table"] {
                roles[name, default: []].insert(.outranksPre)
            }
            for name in HTMLTree.skippedElements where name != "script" { roles[name, default: []].insert(.skipped) }
            for (name, role) in roles {
                let bytes = Array(name.utf8)
                precondition(bytes.count < elements.count)
                elements[bytes.count].append((bytes, role))
            }
            for name in HTMLTree.readAttributes {
                let bytes = Array(name.utf8)
                precondition(bytes.count < kept.count)
                kept[bytes.count].append(bytes)
            }
        }

        func role(_ input: UnsafeBufferPointer<UInt8>, _ name: Range<Int>) -> Role {
            guard name.count < elements.count else { return [] }
            for entry in elements[name.count] where Self.same(input, name, entry.name) { return entry.role }
            return []
        }

        func isRead(_ input: UnsafeBufferPointer<UInt8>, _ name: Range<Int>) -> Bool {
            guard name.count < kept.count else { return false }
            for candidate in kept[name.count] where Self.same(input, name, candidate) { return true }
            return false
        }

        /// `input[range]`, a name as libxml2 reads names (letters, digits, `:`, `-`, `_`, `.`), is
        /// `name` (lower case, without `_`) in any case: setting bit 5 lower-cases a letter and
        /// leaves the other name characters as they are, but for `_`, which no name here has.
        @inline(__always)
        static func same(_ input: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ name: [UInt8]) -> Bool {
            guard range.count == name.count else { return false }
            var index = 0
            while index < name.count {
                guard input[range.lowerBound + index] | 0x20 == name[index] else { return false }
                index += 1
            }
            return true
        }
    }

    // MARK: - The pass

    private struct Scanner {
        let input: UnsafeBufferPointer<UInt8>
        let output: UnsafeMutablePointer<UInt8>
        let names: Names
        /// Bytes written to `output`.
        var written = 0
        /// Input before this index is written or dropped.
        var copied = 0
        var dropped = 0
        /// Preformatted elements open, by length and first letter of their names (all differ).
        var preformatted: [UInt16] = []
        /// Cleared for good when a `pre` may stay open past its end tag.
        var collapsing = true
        /// Nothing but blanks, comments and processing instructions read yet.
        var prolog = true

        /// ``classTable``, read once: a global's every read checks that it is made.
        let classes: UnsafePointer<UInt8>

        init(input: UnsafeBufferPointer<UInt8>, output: UnsafeMutablePointer<UInt8>, names: Names) {
            classes = Self.classTable
            self.input = input
            self.output = output
            self.names = names
        }

        mutating func run() {
            let count = input.count
            var index = 0
            while index < count {
                let open = find(0x3C, from: index) ?? count  // <
                if prolog && open > index && !allBlank(index..<open) { prolog = false }
                if collapsing && preformatted.isEmpty && open - index >= 2 { collapseBlanks(index, open) }
                guard open + 1 < count else { break }
                index = open
                let saved = (written, copied)
                let next = input[index + 1]
                // Before the page's first element or text libxml2 reads a doctype apart.
                let inProlog = prolog
                if next != 0x3F && !(next == 0x21 && matches(index + 2, "--")) { prolog = false }
                var end: Int?
                if next == 0x21 {  // <!
                    if matches(index + 2, "--") {
                        end = comment(at: index)
                    } else if matchesUppercased(index + 2, "DOCTYPE") {
                        end = doctype(at: index)
                        // A doctype inside the page is read on from where it ends as
                        // `<` text: `</p>` right after it is text.
                        if let after = end, !inProlog, matches(after, "</") { end = nil }
                    } else {
                        end = index + 1  // `<` is text
                    }
                } else if next == 0x3F {  // <?
                    end = processingInstruction(at: index)
                } else if next == 0x2F {  // </
                    end = endTag(at: index)
                } else if isLetter(next) {
                    end = startTag(at: index)
                } else {
                    end = index + 1
                }
                guard let end else {
                    (written, copied) = saved
                    giveUp(at: index)
                    return
                }
                index = end
            }
            emit(upTo: count)
        }

        /// The rest of the page from `index` as it is, but for ``ExcessAttributes``.
        mutating func giveUp(at index: Int) {
            emit(upTo: index)
            var rest = Array(input[index...])
            dropped += ExcessAttributes.drop(from: &rest)
            rest.withUnsafeBufferPointer { buffer in
                UnsafeMutableRawPointer(output + written).copyMemory(from: buffer.baseAddress!, byteCount: buffer.count)
            }
            written += rest.count
            copied = input.count
        }

        // MARK: Markup

        /// Reads the start tag at `start`; returns where reading goes on, or `nil` to give up.
        mutating func startTag(at start: Int) -> Int? {
            let count = input.count
            let nameStart = start + 1
            var index = nameEnd(from: nameStart)
            let name = nameStart..<index
            // A name over libxml2's 100 bytes is read as a name and an attribute: left as it is.
            let plain = !(index < count && isNameByte(input[index]))
            while index < count && isNameByte(input[index]) { index += 1 }
            let role = plain ? names.role(input, name) : []
            let script = role.contains(.script)
            var attributes = 0
            var cutFrom: Int?
            var jsonLD = false
            index = skipBlanks(index)
            var selfClosing = false
            while true {
                guard index < count else { return nil }
                let byte = input[index]
                if byte == 0x3E { break }
                if byte == 0x2F && index + 1 < count && input[index + 1] == 0x3E {
                    selfClosing = true
                    break
                }
                // libxml2 stops reading attributes at a control character and leaves the element
                // without an end event.
                guard isCharacter(byte) else { return nil }
                let tokenStart = index
                attributes += 1
                var attributeName: Range<Int>?
                var value: Range<Int>?
                var plainName = true
                if isNameStart(byte) {
                    index = nameEnd(from: index)
                    attributeName = tokenStart..<index
                    if index < count && isNameByte(input[index]) {
                        plainName = false
                        while index < count && isNameByte(input[index]) { index += 1 }
                    }
                    index = skipBlanks(index)
                    if index < count && input[index] == 0x3D {  // =
                        index = skipBlanks(index + 1)
                        guard index < count else { return nil }
                        let quote = input[index]
                        if quote == 0x22 || quote == 0x27 {
                            // A quoted value runs to its closing quote, past any `>`.
                            guard let close = find(quote, from: index + 1) else { return nil }
                            value = (index + 1)..<close
                            index = close + 1
                        } else {
                            let valueStart = index
                            while index < count && input[index] != 0x3E && !isBlank(input[index]) { index += 1 }
                            value = valueStart..<index
                        }
                    }
                } else {
                    // No name: libxml2 passes over it up to a blank or the end of the tag.
                    while index < count {
                        let byte = input[index]
                        if isBlank(byte) || byte == 0x3E || !isCharacter(byte)
                            || (byte == 0x2F && index + 1 < count && input[index + 1] == 0x3E)
                        {
                            break
                        }
                        index += 1
                    }
                }
                index = skipBlanks(index)
                if attributes == ExcessAttributes.limit + 1 { cutFrom = tokenStart }
                guard cutFrom == nil, let attributeName, plain, plainName else { continue }
                let isType = script && Names.same(input, attributeName, Self.type)
                if isType, let value, mayBeJSONLD(value) { jsonLD = true }
                // A following `=` would become the value of the attribute before this one.
                if index < count && input[index] == 0x3D { continue }
                let read = role.contains(.skipped) ? false : script ? isType : names.isRead(input, attributeName)
                if !read {
                    emit(upTo: tokenStart)
                    copied = index
                }
            }
            let tagEnd = index
            if let cutFrom {
                emit(upTo: cutFrom)
                copied = tagEnd
                dropped += attributes - ExcessAttributes.limit
            }
            var end = selfClosing ? tagEnd + 2 : tagEnd + 1
            guard !selfClosing else { return end }
            if role.contains(.preformatted) { preformatted.append(Self.key(input, name)) }
            if role.contains(.outranksPre) && !preformatted.isEmpty { collapsing = false }
            if role.contains(.rawText) {
                guard let rawEnd = rawTextEnd(from: end, name: name, style: role.contains(.style)) else { return nil }
                if !jsonLD {
                    emit(upTo: end)
                    copied = rawEnd
                }
                end = rawEnd
            }
            return end
        }

        /// Where the raw text of the `script` or `style` named `input[name]` ends (at its end tag,
        /// or the end of the page); `nil` where libxml2 would read it otherwise.
        func rawTextEnd(from start: Int, name: Range<Int>, style: Bool) -> Int? {
            let count = input.count
            // Before reading raw text libxml2 reads an end tag (`</div>` closes the script with
            // its div) and a start tag that closes the element: `<noscript>` a script,
            // `<body>` or `<frameset>` a style.
            if start + 1 < count && input[start] == 0x3C {
                if input[start + 1] == 0x2F {
                    let tagName = (start + 2)..<nameEnd(from: start + 2)
                    return sameName(tagName, name) ? start : nil
                }
                if isLetter(input[start + 1]) {
                    let tagName = (start + 1)..<nameEnd(from: start + 1)
                    let closes = style
                        ? Names.same(input, tagName, Self.body) || Names.same(input, tagName, Self.frameset)
                        : Names.same(input, tagName, Self.noscript)
                    if closes { return nil }
                }
            }
            // libxml2 (recovering) ends the raw text at `</` and the element's name, in any case.
            var index = start
            while let open = find(0x3C, from: index) {
                let nameStart = open + 2
                if nameStart + name.count <= count && input[open + 1] == 0x2F
                    && sameName(nameStart..<(nameStart + name.count), name)
                {
                    // `</scripts>` ends the raw text too, but closes whatever `scripts` is open.
                    return nameEnd(from: nameStart) == nameStart + name.count ? open : nil
                }
                index = open + 1
            }
            return count
        }

        /// Reads the end tag at `start`; returns where reading goes on.
        mutating func endTag(at start: Int) -> Int {
            let count = input.count
            let nameStart = start + 2
            // `</` without a name: libxml2 drops the two bytes and reads on as text.
            guard nameStart < count, isNameStart(input[nameStart]) else { return min(nameStart, count) }
            var index = nameEnd(from: nameStart)
            let name = nameStart..<index
            index = skipBlanks(index)
            if index < count && input[index] == 0x3E {
                index += 1
            } else {
                index = find(0x3E, from: index).map { $0 + 1 } ?? count
            }
            if let innermost = preformatted.last, names.role(input, name).contains(.preformatted),
                Self.key(input, name) == innermost
            {
                // Only the innermost: an outer one may have been closed already (`<ul>` closes a
                // `pre`), and then its end tag closes nothing.
                preformatted.removeLast()
            }
            return index
        }

        /// Reads the comment at `start` and keeps it empty; `nil` if it never ends.
        mutating func comment(at start: Int) -> Int? {
            let count = input.count
            var index = start + 4
            var end: Int?
            while let dash = find(0x2D, from: index) {
                if dash + 2 < count && input[dash + 1] == 0x2D {
                    if input[dash + 2] == 0x3E {
                        end = dash + 3
                        break
                    }
                    if input[dash + 2] == 0x21 && dash + 3 < count && input[dash + 3] == 0x3E {
                        end = dash + 4
                        break
                    }
                }
                index = dash + 1
            }
            guard let end, allCharacters(start..<end) else { return nil }
            emit(upTo: start + 4)
            for byte in Self.commentClose { put(byte) }
            copied = end
            return end
        }

        /// Reads the doctype at `start` as libxml2 does when it is well formed; `nil` otherwise.
        func doctype(at start: Int) -> Int? {
            let count = input.count
            var index = skipBlanks(start + 9)
            guard index < count, isNameStart(input[index]) else { return nil }
            index = skipBlanks(nameEnd(from: index))
            if matchesUppercased(index, "SYSTEM") {
                guard let end = literal(from: skipBlanks(index + 6), publicID: false) else { return nil }
                index = end
            } else if matchesUppercased(index, "PUBLIC") {
                guard let end = literal(from: skipBlanks(index + 6), publicID: true) else { return nil }
                index = skipBlanks(end)
                if index < count && (input[index] == 0x22 || input[index] == 0x27) {
                    guard let system = literal(from: index, publicID: false) else { return nil }
                    index = system
                }
            }
            index = skipBlanks(index)
            guard index < count, input[index] == 0x3E else { return nil }
            return index + 1
        }

        /// A quoted doctype literal of printable ASCII; returns where it ends.
        private func literal(from start: Int, publicID: Bool) -> Int? {
            guard start < input.count else { return nil }
            let quote = input[start]
            guard quote == 0x22 || quote == 0x27, let close = find(quote, from: start + 1) else { return nil }
            for index in (start + 1)..<close {
                let byte = input[index]
                guard byte >= 0x20 && byte < 0x7F else { return nil }
                if publicID && (byte == 0x22 || byte == 0x3C || byte == 0x3E || byte == 0x26 || byte == 0x5C) { return nil }
            }
            return close + 1
        }

        /// `<?` and a name is a processing instruction up to `>`; `<?` alone is dropped by libxml2.
        func processingInstruction(at start: Int) -> Int? {
            let count = input.count
            guard start + 2 < count else { return count }
            let first = input[start + 2]
            guard first < 0x80 else { return nil }
            guard isLetter(first) || first == 0x5F || first == 0x3A else { return start + 2 }
            guard let close = find(0x3E, from: start + 2), allCharacters(start..<close) else { return nil }
            return close + 1
        }

        // MARK: Text

        /// Writes each run of three or more blanks in `input[start..<end]` as one: a newline if the
        /// run has one, else a space.
        mutating func collapseBlanks(_ start: Int, _ end: Int) {
            var index = start
            while index < end {
                // Most text bytes are letters (Arabic ones all 0x80 and up): none is a blank.
                if input[index] > 0x20 {
                    index += 1
                    continue
                }
                guard isBlank(input[index]) else {
                    index += 1
                    continue
                }
                let run = index
                var newline = false
                while index < end && isBlank(input[index]) {
                    if input[index] == 0x0A { newline = true }
                    index += 1
                }
                // libxml2 hands text on in pieces of 1,000 bytes, and a piece of only blanks
                // first in `html` or `head` implies a paragraph: such runs are left whole.
                // A run of two is left: writing it as one costs about what libxml2 saves.
                let length = index - run
                if length >= 3 && length < 1000 {
                    emit(upTo: run)
                    put(newline ? 0x0A : 0x20)
                    copied = index
                }
            }
        }

        // MARK: Bytes

        @inline(__always)
        mutating func emit(upTo end: Int) {
            let length = end - copied
            if length > 0 {
                UnsafeMutableRawPointer(output + written).copyMemory(from: input.baseAddress! + copied, byteCount: length)
                written += length
            }
            copied = end
        }

        @inline(__always)
        mutating func put(_ byte: UInt8) {
            output[written] = byte
            written += 1
        }

        /// Past a name as libxml2 reads one (``isNameByte``, at most 100 bytes) from `start`.
        @inline(__always)
        func nameEnd(from start: Int) -> Int {
            var index = start
            let limit = min(input.count, start + 100)
            while index < limit && isNameByte(input[index]) { index += 1 }
            return index
        }

        /// `input[range]` and `input[name]` are the same name in any case.
        func sameName(_ range: Range<Int>, _ name: Range<Int>) -> Bool {
            guard range.count == name.count else { return false }
            for offset in 0..<name.count where input[range.lowerBound + offset] | 0x20 != input[name.lowerBound + offset] | 0x20 {
                return false
            }
            return true
        }

        func allBlank(_ range: Range<Int>) -> Bool {
            for index in range where !isBlank(input[index]) { return false }
            return true
        }

        func skipBlanks(_ start: Int) -> Int {
            var index = start
            while index < input.count && isBlank(input[index]) { index += 1 }
            return index
        }

        func find(_ byte: UInt8, from start: Int) -> Int? {
            guard start < input.count, let base = input.baseAddress,
                let found = memchr(base + start, Int32(byte), input.count - start)
            else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }

        func matches(_ start: Int, _ text: StaticString) -> Bool {
            guard start + text.utf8CodeUnitCount <= input.count else { return false }
            for offset in 0..<text.utf8CodeUnitCount where input[start + offset] != text.utf8Start[offset] { return false }
            return true
        }

        /// As ``matches(_:_:)`` for upper-case `text`, the page's letters in any case.
        func matchesUppercased(_ start: Int, _ text: StaticString) -> Bool {
            guard start + text.utf8CodeUnitCount <= input.count else { return false }
            for offset in 0..<text.utf8CodeUnitCount where input[start + offset] & 0xDF != text.utf8Start[offset] {
                return false
            }
            return true
        }

        /// No byte libxml2 takes as the end of a comment or instruction (a control character,
        /// U+FFFE, U+FFFF) in `input[range]`.
        func allCharacters(_ range: Range<Int>) -> Bool {
            for index in range {
                let byte = input[index]
                if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D { return false }
                if byte == 0xEF && index + 2 < input.count && input[index + 1] == 0xBF && input[index + 2] >= 0xBE {
                    return false
                }
            }
            return true
        }

        /// Whether a script's `type` value may say JSON-LD, as the tree builder reads it after
        /// libxml2 has resolved its character references.
        func mayBeJSONLD(_ value: Range<Int>) -> Bool {
            var index = value.lowerBound
            while index < value.upperBound {
                if input[index] == 0x26 { return true }  // &
                if index + 7 <= value.upperBound && Names.same(input, index..<(index + 7), Self.ldJSON) { return true }
                index += 1
            }
            return false
        }

        static func key(_ input: UnsafeBufferPointer<UInt8>, _ name: Range<Int>) -> UInt16 {
            UInt16(name.count) << 8 | UInt16(input[name.lowerBound] | 0x20)
        }

        private static let type = Array("type".utf8)
        private static let ldJSON = Array("ld+json".utf8)
        private static let body = Array("body".utf8)
        private static let frameset = Array("frameset".utf8)
        private static let noscript = Array("noscript".utf8)
        private static let commentClose = Array("-->".utf8)

        // The tests on bytes read every byte of a tag: one table of bits instead of a chain of
        // comparisons each.
        private static let blank: UInt8 = 1
        private static let letter: UInt8 = 2
        /// What libxml2 lets a tag or attribute name start with: a letter, `_`, `:`, `.`.
        private static let nameStart: UInt8 = 4
        /// And go on with: those, digits and `-`.
        private static let nameByte: UInt8 = 8
        /// libxml2's test for a byte inside markup: tab, newline, carriage return or 0x20 and up.
        private static let character: UInt8 = 16

        /// The bits of each byte; never freed, as the pass runs for every page.
        nonisolated(unsafe) private static let classTable: UnsafePointer<UInt8> = {
            let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
            for byte in 0..<256 {
                var bits: UInt8 = 0
                let isLetter = (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D { bits |= blank }
                if isLetter { bits |= letter }
                if isLetter || byte == 0x5F || byte == 0x3A || byte == 0x2E { bits |= nameStart | nameByte }
                if (0x30...0x39).contains(byte) || byte == 0x2D { bits |= nameByte }
                if byte >= 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { bits |= character }
                table[byte] = bits
            }
            return UnsafePointer(table)
        }()

        @inline(__always)
        func isBlank(_ byte: UInt8) -> Bool { classes[Int(byte)] & Self.blank != 0 }

        @inline(__always)
        func isLetter(_ byte: UInt8) -> Bool { classes[Int(byte)] & Self.letter != 0 }

        @inline(__always)
        func isNameStart(_ byte: UInt8) -> Bool { classes[Int(byte)] & Self.nameStart != 0 }

        @inline(__always)
        func isNameByte(_ byte: UInt8) -> Bool { classes[Int(byte)] & Self.nameByte != 0 }

        @inline(__always)
        func isCharacter(_ byte: UInt8) -> Bool { classes[Int(byte)] & Self.character != 0 }
    }
}
