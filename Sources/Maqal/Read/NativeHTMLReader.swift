import Foundation

/// maqal's own reading of an HTML page: one pass over the UTF-8 bytes that hands
/// ``HTMLTreeBuilder`` the events libxml2 2.9.14 would hand it, with ``HTMLTree/parseOptions``.
///
/// libxml2 reads a page one character at a time through two function calls each, copies every
/// attribute value twice and every element name once, and looks each name up in a dictionary;
/// that was two thirds of the time maqal took for a page. This reader scans text a word at a
/// time for `<` and `&`, hands text and attribute values to the builder as ranges of the page
/// (copied only where a character reference is resolved), and numbers names in a table of its own.
///
/// The tree is libxml2's, not the HTML5 one: the same implied `html`, `head`, `body` and `p`
/// elements, start tags closing open ones by libxml2's table (``HTMLTreeRules``), end tags
/// closing by its priorities or ignored, `script` and `style` read as raw text, white space
/// given on without implying a paragraph where libxml2's `areBlanks` calls it ignorable. Where the page has something this reader does
/// not model exactly (a control character, bytes that are not UTF-8, a comment or tag the page
/// ends in, a doctype inside the page, a name longer than libxml2 reads one, a character
/// reference libxml2 would write as a NUL into a value, …) it says so, and the page is read by
/// libxml2 instead: a page is either read exactly as libxml2 reads it, or not read here at all.
struct NativeHTMLReader {
    /// The tree builder fed with `input` (UTF-8 without NULs), class and id values read by
    /// `classNames`; `nil` when the page needs libxml2. `wellFormed` says the bytes are known to
    /// be well-formed UTF-8 already (the Decode stage's), so only what else matters is checked.
    static func read(
        _ input: UnsafeBufferPointer<UInt8>, classNames: any ClassNameReader, wellFormed: Bool = false
    ) -> HTMLTreeBuilder? {
        guard input.count > 0, wellFormed ? hasNoOddCharacters(input) : isReadable(input) else { return nil }
        var builder = HTMLTreeBuilder(byteCount: input.count, classNames: classNames)
        // The page is well-formed UTF-8 (checked above, or by Decode) and references resolve to
        // characters, so every text is.
        builder.textIsWellFormed = true
        var reader = NativeHTMLReader(input: input, builder: builder)
        guard reader.run() else { return nil }
        reader.builder.flushText()
        return reader.builder
    }

    private let input: UnsafeBufferPointer<UInt8>
    private let count: Int
    private var index = 0
    private var builder: HTMLTreeBuilder
    private let rules = HTMLTreeRules.tables
    private var names = NameTable.seeded

    /// Open elements by number, innermost last (libxml2's name stack).
    private var stack: [Int32] = []
    /// libxml2's `html` level: 3 once a `head` was opened, 10 once a `body` was.
    private var level = 1
    /// Misplaced `html`, `head` and `body` start tags passed over: as many such end tags are ignored.
    private var passedOver = 0

    /// The builder's record of each name, by number, once made.
    private var elementNames: [HTMLTreeBuilder.Name?] = []
    private var attributeNames: [HTMLTreeBuilder.Name?] = []
    /// The start tag being read: its attributes' numbers, names and values.
    private var attributeNumbers: [Int32] = []
    private var attributeList = NativeAttributes()
    /// Values with character references resolved, for the start tag being read.
    private var scratch: [UInt8] = []

    /// The start tag name last looked ahead at: where it was, its number and where it ended.
    private var lookahead = (at: -1, number: Int32(0), end: 0)

    private init(input: UnsafeBufferPointer<UInt8>, builder: HTMLTreeBuilder) {
        self.input = input
        count = input.count
        self.builder = builder
        stack.reserveCapacity(64)
        scratch.reserveCapacity(256)
    }

    // MARK: - The document

    private mutating func run() -> Bool {
        // Before the content libxml2 reads blanks, comments, processing instructions and one doctype.
        skipBlanks()
        guard prologue() else { return false }
        if atDoctype() {
            guard doctype() else { return false }
        }
        skipBlanks()
        guard prologue() else { return false }
        return content()
    }

    private mutating func prologue() -> Bool {
        while at(0x3C, 0x21, 0x2D, 0x2D) || at(0x3C, 0x3F) {
            if at(0x3C, 0x21, 0x2D, 0x2D) {
                guard comment() else { return false }
            }
            if at(0x3C, 0x3F) {
                guard processingInstruction() else { return false }
            }
            skipBlanks()
        }
        return true
    }

    /// libxml2's content loop (`htmlParseContentInternal`), with the element whose content is
    /// being read (`current`) and the stack's height then, which decide when `script` and `style`
    /// content is read raw.
    private mutating func content() -> Bool {
        var current: Int32 = -1
        var height = 0
        while true {
            if index + 1 < count && input[index] == 0x3C {
                let next = input[index + 1]
                if next == 0x2F {  // </
                    if endTag() && (current != -1 || stack.isEmpty) {
                        current = stack.last ?? -1
                        height = stack.count
                    }
                    continue
                }
                if isLetter(next) || next == 0x5F || next == 0x3A {
                    guard let number = lookAhead() else { return false }
                    if let top = stack.last, rules.startCloses(number, top) {
                        autoClose(number)
                        continue
                    }
                }
            }
            if let top = stack.last, height >= stack.count, current != top {
                if index >= count { closeAll() }
                current = top
                height = stack.count
                continue
            }
            if index < count && (current == HTMLTreeRules.script || current == HTMLTreeRules.style) {
                guard rawText() else { return false }
                continue
            }
            guard index < count else {
                closeAll()
                return true
            }
            let byte = input[index]
            if byte == 0x3C {
                if atDoctype() { return false }
                if at(0x3C, 0x21, 0x2D, 0x2D) {
                    guard comment() else { return false }
                } else if at(0x3C, 0x3F) {
                    guard processingInstruction() else { return false }
                } else if index + 1 < count && isLetter(input[index + 1]) {
                    guard element() else { return false }
                    current = stack.last ?? -1
                    height = stack.count
                } else {
                    // `<` that starts no markup is text, given on without implying a paragraph.
                    characters(index, index + 1)
                    index += 1
                }
            } else if byte == 0x26 {
                reference()
            } else {
                text()
            }
        }
    }

    // MARK: - Elements

    /// The start tag name after `<` at `index`, as libxml2 looks ahead at it before reading the
    /// tag (without `.`); `nil` where that differs from the name the tag is read with.
    private mutating func lookAhead() -> Int32? {
        if lookahead.at == index { return lookahead.number }
        let start = index + 1
        var end = start
        let limit = min(count, start + 100)
        while end < limit && isNameByte(input[end]) && input[end] != 0x2E { end += 1 }
        if end < count && isNameByte(input[end]) { return nil }  // a `.`, or past 100 bytes
        let number = names.number(input, start..<end)
        lookahead = (index, number, end)
        return number
    }

    /// Reads the start tag at `index` (`<` and a letter) and opens its element
    /// (`htmlParseElementInternal`); `false` where libxml2's reading is not modelled.
    private mutating func element() -> Bool {
        guard let number = lookAhead() else { return false }
        index = lookahead.end
        autoClose(number)
        checkImplied(number)
        var passed = false
        if number == HTMLTreeRules.html && !stack.isEmpty {
            passed = true
            passedOver += 1
        }
        if number == HTMLTreeRules.head && stack.count != 1 {
            passed = true
            passedOver += 1
        }
        if number == HTMLTreeRules.body {
            for open in stack where open == HTMLTreeRules.body {
                passed = true
                passedOver += 1
            }
        }
        guard readAttributes() else { return false }
        let selfClosing = input[index] == 0x2F
        if passed {
            // `<body/>` misplaced would close the open element instead: not modelled.
            if selfClosing { return false }
            index += 1
            return true
        }
        push(number)
        let name = elementName(number)
        scratch.withUnsafeBufferPointer { scratch in
            attributeList.input = input
            attributeList.scratch = scratch
            builder.start(name, attributeList)
        }
        if selfClosing {
            index += 2
            end()
        } else {
            index += 1
            if rules.empty(number) { end() }
        }
        return true
    }

    /// Reads the attributes up to the tag's `>` or `/>`, leaving `index` there; `false` where the
    /// page ends in the tag or a value is not modelled.
    private mutating func readAttributes() -> Bool {
        attributeNumbers.removeAll(keepingCapacity: true)
        attributeList.names.removeAll(keepingCapacity: true)
        attributeList.values.removeAll(keepingCapacity: true)
        scratch.removeAll(keepingCapacity: true)
        skipBlanks()
        while true {
            guard index < count else { return false }
            let byte = input[index]
            if byte == 0x3E || (byte == 0x2F && index + 1 < count && input[index + 1] == 0x3E) { return true }
            if isNameStart(byte) {
                let start = index
                let limit = min(count, start + 100)
                while index < limit && isNameByte(input[index]) { index += 1 }
                if index < count && isNameByte(input[index]) { return false }
                let number = names.number(input, start..<index)
                skipBlanks()
                var value = NativeAttributes.Value(start: -1, end: -1, inScratch: false)
                if index < count && input[index] == 0x3D {  // =
                    index += 1
                    skipBlanks()
                    guard index < count else { return false }
                    let quote = input[index]
                    let valueStart: Int
                    let valueEnd: Int
                    if quote == 0x22 || quote == 0x27 {
                        guard let close = find(quote, from: index + 1) else { return false }
                        valueStart = index + 1
                        valueEnd = close
                        index = close + 1
                    } else {
                        valueStart = index
                        while index < count && input[index] != 0x3E && !isBlank(input[index]) { index += 1 }
                        valueEnd = index
                    }
                    guard let read = attributeValue(valueStart, valueEnd) else { return false }
                    value = read
                }
                // A repeated attribute is dropped; the first one counts.
                if !attributeNumbers.contains(number) {
                    attributeNumbers.append(number)
                    attributeList.names.append(attributeName(number))
                    attributeList.values.append(value)
                }
            } else {
                // Not a name: passed over up to a blank or the tag's end.
                while index < count {
                    let byte = input[index]
                    if isBlank(byte) || byte == 0x3E || (byte == 0x2F && index + 1 < count && input[index + 1] == 0x3E) {
                        break
                    }
                    index += 1
                }
            }
            skipBlanks()
        }
    }

    /// An attribute value's bytes, with character references resolved as libxml2 resolves them
    /// in values; `nil` for a numeric reference to no character, which libxml2 writes as a NUL.
    private mutating func attributeValue(_ start: Int, _ end: Int) -> NativeAttributes.Value? {
        guard let first = find(0x26, from: start, to: end) else {
            return NativeAttributes.Value(start: Int32(start), end: Int32(end), inScratch: false)
        }
        let scratchStart = scratch.count
        scratch.append(contentsOf: input[start..<first])
        var position = first
        while position < end {
            let byte = input[position]
            guard byte == 0x26 else {
                scratch.append(byte)
                position += 1
                continue
            }
            if position + 1 < count && input[position + 1] == 0x23 {  // &#
                let (scalar, after) = characterReference(at: position)
                guard scalar != 0 else { return nil }
                appendUTF8(scalar, to: &scratch)
                position = after
            } else if let (scalar, after) = namedReference(at: position) {
                appendUTF8(scalar, to: &scratch)
                position = after
            } else {
                scratch.append(0x26)
                position += 1
            }
        }
        return NativeAttributes.Value(start: Int32(scratchStart), end: Int32(scratch.count), inScratch: true)
    }

    /// Reads the end tag at `index` (`</`) as `htmlParseEndTag` does; returns whether it closed
    /// the innermost element by its name.
    private mutating func endTag() -> Bool {
        index += 2
        // `</` without a name: the two bytes are dropped, what follows is text.
        guard index < count, isNameStart(input[index]) else { return false }
        let start = index
        let limit = min(count, start + 100)
        while index < limit && isNameByte(input[index]) { index += 1 }
        let number = names.number(input, start..<index)
        skipBlanks()
        if index < count && input[index] == 0x3E {
            index += 1
        } else {
            index = find(0x3E, from: index).map { $0 + 1 } ?? count
        }
        if passedOver > 0
            && (number == HTMLTreeRules.html || number == HTMLTreeRules.body || number == HTMLTreeRules.head)
        {
            passedOver -= 1
            return false
        }
        guard stack.contains(number) else { return false }
        // Closes the elements opened after its own, unless one of them ranks higher.
        let rank = rules.rank(number)
        for open in stack.reversed() {
            if open == number { break }
            if rules.rank(open) > rank { return false }
        }
        while let top = stack.last, top != number { end() }
        end()
        return true
    }

    /// Closes the open elements a start tag numbered `number` closes, innermost first.
    private mutating func autoClose(_ number: Int32) {
        while let top = stack.last, rules.startCloses(number, top) { end() }
    }

    /// Opens the `html`, `head` or `body` a start tag numbered `number` implies (`htmlCheckImplied`).
    private mutating func checkImplied(_ number: Int32) {
        if number == HTMLTreeRules.html { return }
        if stack.isEmpty { implied(HTMLTreeRules.html) }
        if number == HTMLTreeRules.body || number == HTMLTreeRules.head { return }
        let headElement = number == HTMLTreeRules.script || number == HTMLTreeRules.style
            || number == HTMLTreeRules.meta || number == HTMLTreeRules.link || number == HTMLTreeRules.title
            || number == HTMLTreeRules.base
        if stack.count <= 1 && headElement {
            if level >= 3 { return }
            implied(HTMLTreeRules.head)
        } else if number != HTMLTreeRules.noframes && number != HTMLTreeRules.frame
            && number != HTMLTreeRules.frameset
        {
            if level >= 10 { return }
            if stack.contains(HTMLTreeRules.body) || stack.contains(HTMLTreeRules.head) { return }
            implied(HTMLTreeRules.body)
        }
    }

    /// Opens a `p` before text where libxml2 does (`htmlCheckParagraph`): at the top, in `html` or `head`.
    @inline(__always)
    private mutating func checkParagraph() {
        if let top = stack.last, top != HTMLTreeRules.html && top != HTMLTreeRules.head { return }
        autoClose(HTMLTreeRules.p)
        checkImplied(HTMLTreeRules.p)
        implied(HTMLTreeRules.p)
    }

    private mutating func implied(_ number: Int32) {
        push(number)
        builder.start(elementName(number), NativeAttributes())
    }

    private mutating func push(_ number: Int32) {
        if number == HTMLTreeRules.head && level < 3 { level = 3 }
        if number == HTMLTreeRules.body && level < 10 { level = 10 }
        stack.append(number)
    }

    /// Closes the innermost element.
    private mutating func end() {
        stack.removeLast()
        builder.end()
    }

    private mutating func closeAll() {
        while !stack.isEmpty { end() }
    }

    private mutating func elementName(_ number: Int32) -> HTMLTreeBuilder.Name {
        let slot = Int(number)
        if slot < elementNames.count, let name = elementNames[slot] { return name }
        if slot >= elementNames.count {
            elementNames.append(contentsOf: repeatElement(nil, count: slot + 1 - elementNames.count))
        }
        let bytes = names.bytes(of: number)
        let text: String
        if bytes.contains(0x3A) {
            // A namespace prefix (`o:p`) is split off as libxml2's tree splits it.
            text = (Array(bytes) + [0]).withUnsafeBufferPointer { builder.localName($0.baseAddress!) }
        } else {
            text = String(decoding: bytes, as: UTF8.self)
        }
        let name = builder.makeName(text, element: true)
        elementNames[slot] = name
        return name
    }

    private mutating func attributeName(_ number: Int32) -> HTMLTreeBuilder.Name {
        let slot = Int(number)
        if slot < attributeNames.count, let name = attributeNames[slot] { return name }
        if slot >= attributeNames.count {
            attributeNames.append(contentsOf: repeatElement(nil, count: slot + 1 - attributeNames.count))
        }
        let name = builder.makeName(String(decoding: names.bytes(of: number), as: UTF8.self), element: false)
        attributeNames[slot] = name
        return name
    }

    // MARK: - Text

    /// Text up to the next `<` or `&` (`htmlParseCharDataInternal`), in libxml2's pieces of
    /// 1,000 bytes: a piece that `areBlanks` calls ignorable (blanks alone at the page's end, or
    /// before a tag at the top, in `html` or in `head`) is given on as it is, any other first
    /// implies a paragraph where text may not stand.
    private mutating func text() {
        let end = findMarkup(from: index)
        var start = index
        while end - start >= 1000 {
            // A piece ends with the character that makes it 1,000 bytes or more; libxml2 looks at
            // that character, never `<`, so the piece is kept even when blank.
            var pieceEnd = start + 1000
            while pieceEnd < end && input[pieceEnd] & 0xC0 == 0x80 { pieceEnd += 1 }
            checkParagraph()
            characters(start, pieceEnd)
            start = pieceEnd
        }
        index = end
        guard start < end else { return }
        if allBlank(start, end) && (end >= count || (input[end] == 0x3C && stack.last.map { $0 == HTMLTreeRules.html || $0 == HTMLTreeRules.head } ?? true)) {
            // Blanks libxml2 calls ignorable: still given on (it keeps blanks), but without a paragraph.
            characters(start, end)
            return
        }
        checkParagraph()
        characters(start, end)
    }

    /// The character reference at `index` in text (`htmlParseReference`).
    private mutating func reference() {
        let scalar: UInt32
        if index + 1 < count && input[index + 1] == 0x23 {  // &#
            let (number, after) = characterReference(at: index)
            index = after
            // A reference to no character gives nothing.
            guard number != 0 else { return }
            scalar = number
        } else if let (named, after) = namedReference(at: index) {
            index = after
            scalar = named
        } else {
            // Not a known reference: `&` is text, and so is what follows it (libxml2 gives the name
            // it read as text too, so the bytes are the page's either way).
            checkParagraph()
            characters(index, index + 1)
            index += 1
            return
        }
        var bytes: (UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0)
        let length = withUnsafeMutableBytes(of: &bytes) { utf8(scalar, into: $0.baseAddress!.assumingMemoryBound(to: UInt8.self)) }
        checkParagraph()
        withUnsafeBytes(of: &bytes) { builder.characters($0.baseAddress!.assumingMemoryBound(to: UInt8.self), length) }
    }

    /// `&#…` at `position` as libxml2 reads it: decimal, or hexadecimal after `x`, up to `;` or
    /// the first other byte (a `;` is taken); the scalar, or 0 where it names no XML character.
    private func characterReference(at position: Int) -> (scalar: UInt32, after: Int) {
        var value: UInt32 = 0
        var cursor = position + 2
        let hex = cursor < count && (input[cursor] == 0x78 || input[cursor] == 0x58)
        if hex { cursor += 1 }
        while cursor < count && input[cursor] != 0x3B {
            let byte = input[cursor]
            let digit: UInt32
            if byte >= 0x30 && byte <= 0x39 {
                digit = UInt32(byte - 0x30)
            } else if hex && byte | 0x20 >= 0x61 && byte | 0x20 <= 0x66 {
                digit = UInt32(byte | 0x20) - 0x61 + 10
            } else {
                break
            }
            if value < 0x110000 { value = value * (hex ? 16 : 10) + digit }
            cursor += 1
        }
        if cursor < count && input[cursor] == 0x3B { cursor += 1 }
        let isCharacter = value == 0x9 || value == 0xA || value == 0xD || (value >= 0x20 && value <= 0xD7FF)
            || (value >= 0xE000 && value <= 0xFFFD) || (value >= 0x10000 && value <= 0x10FFFF)
        return (isCharacter ? value : 0, cursor)
    }

    /// `&name;` at `position`, a name libxml2 knows (``NamedCharacterReferences``): its code
    /// point and where reading goes on; `nil` for anything else, which stays as written (a known
    /// name without its `;` too).
    private func namedReference(at position: Int) -> (scalar: UInt32, after: Int)? {
        let start = position + 1
        guard start < count else { return nil }
        let first = input[start]
        guard isLetter(first) || first == 0x5F || first == 0x3A else { return nil }
        var end = start + 1
        while end < count && isNameByte(input[end]) { end += 1 }
        guard end < count, input[end] == 0x3B else { return nil }
        guard let scalar = NamedCharacterReferences.scalar(named: UnsafeBufferPointer(rebasing: input[start..<end])) else {
            return nil
        }
        return (scalar, end + 1)
    }

    /// The content of the `script` or `style` just opened, raw, up to `</` and its name in any
    /// case (`htmlParseScript`, recovering).
    private mutating func rawText() -> Bool {
        // The element just opened is still open (`current` is reset whenever the stack is emptied).
        guard let top = stack.last else { return false }
        let name = Array(names.bytes(of: top))
        var cursor = index
        var end = count
        while let open = find(0x3C, from: cursor) {
            if open + 1 < count && input[open + 1] == 0x2F && open + 2 + name.count <= count {
                var same = true
                for offset in 0..<name.count where input[open + 2 + offset] | 0x20 != name[offset] {
                    same = false
                    break
                }
                if same {
                    end = open
                    break
                }
            }
            cursor = open + 1
        }
        if end > index { characters(index, end) }
        index = end
        return true
    }

    // MARK: - Comments, instructions, doctype

    /// The comment at `index`, up to `-->` or `--!>`; `false` if it never ends (libxml2 then reads
    /// the rest of the page as its text).
    private mutating func comment() -> Bool {
        var cursor = index + 4
        while let dash = find(0x2D, from: cursor) {
            if dash + 2 < count && input[dash + 1] == 0x2D {
                if input[dash + 2] == 0x3E {
                    index = dash + 3
                    builder.breakText()
                    return true
                }
                if input[dash + 2] == 0x21 && dash + 3 < count && input[dash + 3] == 0x3E {
                    index = dash + 4
                    builder.breakText()
                    return true
                }
            }
            cursor = dash + 1
        }
        return false
    }

    /// `<?` and a name is an instruction up to `>`; `<?` alone is dropped.
    private mutating func processingInstruction() -> Bool {
        let start = index + 2
        guard start < count else {
            index = count
            return true
        }
        let first = input[start]
        guard first < 0x80 else { return false }
        guard isLetter(first) || first == 0x5F || first == 0x3A else {
            index = start
            return true
        }
        var end = start + 1
        while end < count && isNameByte(input[end]) { end += 1 }
        // libxml2 reads a name that reaches the page's end as none, and one followed by a
        // non-ASCII character another way.
        guard end < count else {
            index = start
            return true
        }
        guard input[end] < 0x80, let close = find(0x3E, from: end) else { return false }
        index = close + 1
        builder.breakText()
        return true
    }

    private func atDoctype() -> Bool {
        guard index + 9 <= count, input[index] == 0x3C, input[index + 1] == 0x21 else { return false }
        let word: [UInt8] = [0x44, 0x4F, 0x43, 0x54, 0x59, 0x50, 0x45]  // DOCTYPE
        for offset in 0..<7 where input[index + 2 + offset] & 0xDF != word[offset] { return false }
        return true
    }

    /// The doctype at `index` when it is well formed (`htmlParseDocTypeDecl`); `false` otherwise.
    private mutating func doctype() -> Bool {
        index += 9
        skipBlanks()
        if index < count && input[index] >= 0x80 { return false }
        if index < count && (isLetter(input[index]) || input[index] == 0x5F || input[index] == 0x3A) {
            index += 1
            while index < count && isNameByte(input[index]) { index += 1 }
            if index >= count || input[index] >= 0x80 { return false }
        }
        skipBlanks()
        let keyword = index + 6 <= count
            ? (0..<6).map { input[index + $0] & 0xDF } : []
        if keyword == Array("SYSTEM".utf8) || keyword == Array("PUBLIC".utf8) {
            index += 6
            skipBlanks()
            guard literal() else { return false }
            if keyword == Array("PUBLIC".utf8) {
                skipBlanks()
                if index < count && (input[index] == 0x22 || input[index] == 0x27) {
                    guard literal() else { return false }
                }
            }
        }
        skipBlanks()
        guard index < count, input[index] == 0x3E else { return false }
        index += 1
        builder.doctype()
        return true
    }

    /// A quoted doctype literal at `index`, if there is one; `false` if it never ends.
    private mutating func literal() -> Bool {
        guard index < count, input[index] == 0x22 || input[index] == 0x27 else { return true }
        guard let close = find(input[index], from: index + 1) else { return false }
        index = close + 1
        return true
    }

    // MARK: - Bytes

    private mutating func characters(_ start: Int, _ end: Int) {
        builder.characters(input.baseAddress! + start, end - start)
    }

    @inline(__always)
    private func at(_ a: UInt8, _ b: UInt8) -> Bool {
        index + 1 < count && input[index] == a && input[index + 1] == b
    }

    @inline(__always)
    private func at(_ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8) -> Bool {
        index + 3 < count && input[index] == a && input[index + 1] == b && input[index + 2] == c && input[index + 3] == d
    }

    @inline(__always)
    private mutating func skipBlanks() {
        while index < count && isBlank(input[index]) { index += 1 }
    }

    private func allBlank(_ start: Int, _ end: Int) -> Bool {
        for position in start..<end where !isBlank(input[position]) { return false }
        return true
    }

    private func find(_ byte: UInt8, from start: Int, to end: Int? = nil) -> Int? {
        let end = end ?? count
        guard start < end, let found = memchr(input.baseAddress! + start, Int32(byte), end - start) else { return nil }
        return input.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// The first `<` or `&` at or after `start`, or the end: eight bytes at a time.
    private func findMarkup(from start: Int) -> Int {
        var position = start
        let base = UnsafeRawPointer(input.baseAddress!)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        while position + 8 <= count {
            let word = base.loadUnaligned(fromByteOffset: position, as: UInt64.self)
            let lt = word ^ (0x3C * ones)
            let amp = word ^ (0x26 * ones)
            // A zero byte in either marks a match (the classic test for a zero byte in a word).
            let found = ((lt &- ones) & ~lt | (amp &- ones) & ~amp) & highs
            if found != 0 { break }
            position += 8
        }
        while position < count {
            let byte = input[position]
            if byte == 0x3C || byte == 0x26 { return position }
            position += 1
        }
        return count
    }

    @inline(__always) private func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }

    @inline(__always) private func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- 0x61 < 26 }

    /// What libxml2 lets a tag or attribute name start with: a letter, `_`, `:`, `.`.
    @inline(__always) private func isNameStart(_ byte: UInt8) -> Bool {
        isLetter(byte) || byte == 0x5F || byte == 0x3A || byte == 0x2E
    }

    /// And go on with: those, digits and `-`.
    @inline(__always) private func isNameByte(_ byte: UInt8) -> Bool {
        isNameStart(byte) || (byte &- 0x30 < 10) || byte == 0x2D
    }

    /// ``isReadable(_:)`` for bytes known to be well-formed UTF-8: no control character (but tab,
    /// newline and carriage return), no U+FFFE or U+FFFF. Eight bytes at a time: a word with
    /// neither a byte below 0x20 nor 0xEF is passed at once.
    static func hasNoOddCharacters(_ input: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = input.count
        let base = UnsafeRawPointer(input.baseAddress!)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        var position = 0
        while position < count {
            if position + 8 <= count {
                let word = base.loadUnaligned(fromByteOffset: position, as: UInt64.self)
                // Bytes below 0x20 among the ASCII ones, and 0xEF bytes (the classic test for a
                // zero byte, which may also flag a byte next to one: those are then looked at).
                let low = (word &- 0x20 &* ones) & ~word & highs
                let ef = word ^ (0xEF &* ones)
                if low | ((ef &- ones) & ~ef & highs) == 0 {
                    position += 8
                    continue
                }
            }
            let end = min(count, position + 8)
            while position < end {
                let byte = input[position]
                if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D { return false }
                if byte == 0xEF && position + 2 < count && input[position + 1] == 0xBF && input[position + 2] >= 0xBE {
                    return false
                }
                position += 1
            }
        }
        return true
    }

    /// Whether the page is made only of what this reader reads as libxml2 does: well-formed
    /// UTF-8 without control characters (but tab, newline and carriage return) and without
    /// U+FFFE and U+FFFF, which libxml2 reads (and drops) in ways of its own.
    static func isReadable(_ input: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = input.count
        let base = UnsafeRawPointer(input.baseAddress!)
        var position = 0
        while position < count {
            if position + 8 <= count {
                let word = base.loadUnaligned(fromByteOffset: position, as: UInt64.self)
                // Eight ASCII bytes, none below 0x20: nothing to look at.
                let low = (word &- 0x2020_2020_2020_2020) & ~word & 0x8080_8080_8080_8080
                if word & 0x8080_8080_8080_8080 == 0 && low == 0 {
                    position += 8
                    continue
                }
            }
            let lead = input[position]
            if lead < 0x80 {
                if lead < 0x20 && lead != 0x09 && lead != 0x0A && lead != 0x0D { return false }
                position += 1
                continue
            }
            func continuation(_ offset: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
                position + offset < count && input[position + offset] >= low && input[position + offset] <= high
            }
            switch lead {
            case 0xC2...0xDF:
                guard continuation(1) else { return false }
                position += 2
            case 0xE0...0xEF:
                let (low, high): (UInt8, UInt8) = lead == 0xE0 ? (0xA0, 0xBF) : lead == 0xED ? (0x80, 0x9F) : (0x80, 0xBF)
                guard continuation(1, low, high), continuation(2) else { return false }
                if lead == 0xEF && input[position + 1] == 0xBF && input[position + 2] >= 0xBE { return false }
                position += 3
            case 0xF0...0xF4:
                let (low, high): (UInt8, UInt8) = lead == 0xF0 ? (0x90, 0xBF) : lead == 0xF4 ? (0x80, 0x8F) : (0x80, 0xBF)
                guard continuation(1, low, high), continuation(2), continuation(3) else { return false }
                position += 4
            default:
                return false
            }
        }
        return true
    }
}

/// The UTF-8 of `scalar` written at `out`; returns its length.
private func utf8(_ scalar: UInt32, into out: UnsafeMutablePointer<UInt8>) -> Int {
    if scalar < 0x80 {
        out[0] = UInt8(scalar)
        return 1
    }
    if scalar < 0x800 {
        out[0] = UInt8(0xC0 | (scalar >> 6))
        out[1] = UInt8(0x80 | (scalar & 0x3F))
        return 2
    }
    if scalar < 0x10000 {
        out[0] = UInt8(0xE0 | (scalar >> 12))
        out[1] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
        out[2] = UInt8(0x80 | (scalar & 0x3F))
        return 3
    }
    out[0] = UInt8(0xF0 | (scalar >> 18))
    out[1] = UInt8(0x80 | ((scalar >> 12) & 0x3F))
    out[2] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
    out[3] = UInt8(0x80 | (scalar & 0x3F))
    return 4
}

private func appendUTF8(_ scalar: UInt32, to bytes: inout [UInt8]) {
    var buffer: (UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0)
    let length = withUnsafeMutableBytes(of: &buffer) { utf8(scalar, into: $0.baseAddress!.assumingMemoryBound(to: UInt8.self)) }
    withUnsafeBytes(of: &buffer) { bytes.append(contentsOf: $0.prefix(length)) }
}

/// A start tag's attributes as ``NativeHTMLReader`` read them: values are ranges of the page, or
/// of the reader's scratch buffer where a character reference was resolved.
private struct NativeAttributes: StartTagAttributes {
    struct Value {
        /// -1 for an attribute written without a value.
        var start: Int32
        var end: Int32
        var inScratch: Bool
    }

    var names: [HTMLTreeBuilder.Name] = []
    var values: [Value] = []
    var input = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    var scratch = UnsafeBufferPointer<UInt8>(start: nil, count: 0)

    var count: Int { names.count }

    func name(at position: Int, builder: inout HTMLTreeBuilder) -> HTMLTreeBuilder.Name { names[position] }

    func value(at position: Int) -> UnsafeBufferPointer<UInt8>? {
        let value = values[position]
        guard value.start >= 0 else { return nil }
        let buffer = value.inScratch ? scratch : input
        return UnsafeBufferPointer(rebasing: buffer[Int(value.start)..<Int(value.end)])
    }
}

/// Lower-case names numbered as they are first read; ``HTMLTreeRules/names`` first, with their
/// numbers there.
///
/// A name's first eight bytes, lower-cased, are one word: most names fit in it, so hashing and
/// comparing them takes a few instructions instead of a loop over their bytes.
private struct NameTable {
    /// Open addressing by hash: each slot holds a name's number, or -1.
    private var slots: [Int32]
    private var hashes: [UInt32] = []
    /// Each name's first eight bytes, lower-cased, as a little-endian word (zero past its end).
    private var heads: [UInt64] = []
    private var starts: [Int32] = []
    private var lengths: [Int32] = []
    /// Every name's bytes, one after the other.
    private var text: [UInt8] = []

    static let seeded: NameTable = {
        var table = NameTable()
        for name in HTMLTreeRules.names {
            let bytes = Array(name.utf8)
            bytes.withUnsafeBufferPointer { _ = table.number($0, 0..<$0.count) }
        }
        return table
    }()

    private init() {
        slots = [Int32](repeating: -1, count: 1024)
    }

    func bytes(of number: Int32) -> ArraySlice<UInt8> {
        let start = Int(starts[Int(number)])
        return text[start..<start + Int(lengths[Int(number)])]
    }

    /// The number of the name `input[range]` (ASCII name bytes) in lower case, numbering it if it is new.
    mutating func number(_ input: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int32 {
        let length = range.count
        let headLength = min(length, 8)
        var head: UInt64 = 0
        if range.lowerBound + 8 <= input.count {
            head = UnsafeRawPointer(input.baseAddress! + range.lowerBound).loadUnaligned(as: UInt64.self)
            if headLength < 8 { head &= (1 << UInt64(headLength * 8)) &- 1 }
        } else {
            for offset in 0..<headLength { head |= UInt64(input[range.lowerBound + offset]) << UInt64(offset * 8) }
        }
        head = Self.lowered(head)
        var hash = UInt32(truncatingIfNeeded: (head &* 0x9E37_79B9_7F4A_7C15) >> 32) ^ UInt32(length)
        for position in (range.lowerBound + headLength)..<range.upperBound {
            hash = (hash ^ UInt32(lower(input[position]))) &* 16_777_619
        }
        let mask = slots.count - 1
        var slot = Int(hash >> 7) & mask
        while true {
            let number = slots[slot]
            if number < 0 { break }
            if hashes[Int(number)] == hash && heads[Int(number)] == head && Int(lengths[Int(number)]) == length
                && (length <= 8 || sameTail(input, range, number))
            {
                return number
            }
            slot = (slot + 1) & mask
        }
        let number = Int32(hashes.count)
        hashes.append(hash)
        heads.append(head)
        starts.append(Int32(text.count))
        lengths.append(Int32(length))
        for position in range { text.append(lower(input[position])) }
        slots[slot] = number
        if hashes.count * 2 > slots.count { grow() }
        return number
    }

    /// Whether the bytes past the first eight of `input[range]` are those of name `number`.
    private func sameTail(_ input: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ number: Int32) -> Bool {
        var stored = Int(starts[Int(number)]) + 8
        for position in (range.lowerBound + 8)..<range.upperBound {
            if lower(input[position]) != text[stored] { return false }
            stored += 1
        }
        return true
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for number in hashes.indices {
            var slot = Int(hashes[number] >> 7) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(number)
        }
    }

    @inline(__always)
    private func lower(_ byte: UInt8) -> UInt8 { byte &- 0x41 < 26 ? byte | 0x20 : byte }

    /// `word`'s eight bytes (all below 0x80, as name bytes are) with `A`–`Z` made `a`–`z`: adding
    /// 0x3F sets a byte's top bit from `A` on, adding 0x25 from past `Z` on, and neither carries
    /// into the next byte.
    @inline(__always)
    static func lowered(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let fromA = word &+ 0x3F &* ones
        let pastZ = word &+ 0x25 &* ones
        let upper = fromA & ~pastZ & 0x8080_8080_8080_8080
        return word | (upper >> 2)
    }
}

extension Maqal {
    /// Whether maqal's own reader reads the decoded page `utf8`, or hands it to libxml2 (the
    /// benchmark counts the pages handed over).
    @_spi(Benchmark)
    public static func readsNatively(_ utf8: [UInt8]) -> Bool {
        HTMLTree.parse(utf8: utf8, classNames: MarkupClassNames()).reader == .native
    }

    /// Makes every later parse read HTML with libxml2 alone (`true`) or with maqal's own reader
    /// first (`false`, the default), for benchmarks that compare the two; set it before parsing.
    @_spi(Benchmark)
    public static func readWithLibXML2Only(_ only: Bool) {
        HTMLTree.defaultReader = only ? .libxml2 : .native
    }
}
