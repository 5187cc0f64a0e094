/// A small streaming JSON writer: keys in the order written, UTF-8 unescaped, optional indent.
///
/// Faster than building a value tree for `JSONEncoder`, and it keeps the contract's key order.
/// The bytes gather in one buffer; with a sink, they are handed on whenever a container closes
/// with ``chunkSize`` bytes gathered, so a large document is written out without ever being
/// whole in memory.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    let pretty: Bool
    private var depth = 0
    /// One entry per open container: whether it has a member yet.
    private var hasMember: [Bool] = []
    private var afterKey = false
    private var sink: ((UnsafeBufferPointer<UInt8>) -> Void)?
    private var chunkSize = Int.max

    init(pretty: Bool, capacity: Int = 4096) {
        self.pretty = pretty
        bytes.reserveCapacity(capacity)
    }

    /// A writer that hands its bytes to `sink` in pieces of about `chunkSize` bytes; ``finish()``
    /// hands on the rest.
    init(pretty: Bool, chunkSize: Int, sink: @escaping (UnsafeBufferPointer<UInt8>) -> Void) {
        self.init(pretty: pretty, capacity: chunkSize + chunkSize / 4)
        self.chunkSize = chunkSize
        self.sink = sink
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }

    /// Appends raw bytes (a newline after the document, say).
    mutating func appendRaw(_ byte: UInt8) { bytes.append(byte) }

    /// Hands what is gathered to the sink, if there is one.
    mutating func finish() {
        guard let sink, !bytes.isEmpty else { return }
        bytes.withUnsafeBufferPointer(sink)
        bytes.removeAll(keepingCapacity: true)
    }

    // MARK: - Containers

    mutating func beginObject() { beginValue(); bytes.append(UInt8(ascii: "{")); open() }
    mutating func endObject() { close(UInt8(ascii: "}")) }
    mutating func beginArray() { beginValue(); bytes.append(UInt8(ascii: "[")); open() }
    mutating func endArray() { close(UInt8(ascii: "]")) }

    /// A key known when the code is written (the contract's field names): its bytes are copied
    /// as they are, with no scan for characters to escape, which a key never has.
    mutating func key(_ name: StaticString) {
        separate()
        name.withUTF8Buffer { name in
            assert(name.allSatisfy { $0 >= 0x20 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") })
            bytes.append(UInt8(ascii: "\""))
            bytes.append(contentsOf: name)
        }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        if pretty { bytes.append(UInt8(ascii: " ")) }
        afterKey = true
    }

    /// A key made at run time, escaped as any string is.
    @_disfavoredOverload
    mutating func key(_ name: String) {
        separate()
        appendQuoted(name)
        bytes.append(UInt8(ascii: ":"))
        if pretty { bytes.append(UInt8(ascii: " ")) }
        afterKey = true
    }

    // MARK: - Values

    mutating func value(_ text: String) { beginValue(); appendQuoted(text) }
    mutating func value(_ text: String?) { if let text { value(text) } else { null() } }
    mutating func value(_ number: Int) {
        beginValue()
        // Digits written in place, last first: `String(number)` allocated a string per number.
        var magnitude = number.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: a sign and 20 digits fit
        withUnsafeMutableBytes(of: &digits) { buffer in
            var index = buffer.count
            repeat {
                index -= 1
                buffer[index] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude != 0
            if number < 0 {
                index -= 1
                buffer[index] = UInt8(ascii: "-")
            }
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[index...]))
        }
    }
    /// A number with at most three decimals, written the same way on every platform.
    mutating func value(decimal: Double) {
        beginValue()
        let thousandths = Int((decimal * 1000).rounded())
        var text = String(thousandths / 1000)
        let fraction = abs(thousandths % 1000)
        if fraction != 0 {
            var digits = String(fraction).leftPadded(to: 3)
            while digits.hasSuffix("0") { digits.removeLast() }
            text += "." + digits
        }
        bytes.append(contentsOf: text.utf8)
    }

    mutating func value(_ flag: Bool) { beginValue(); bytes.append(contentsOf: (flag ? "true" : "false").utf8) }
    mutating func null() { beginValue(); bytes.append(contentsOf: "null".utf8) }

    mutating func field(_ name: StaticString, _ text: String?) { key(name); value(text) }
    mutating func field(_ name: StaticString, _ number: Int) { key(name); value(number) }
    mutating func field(_ name: StaticString, _ flag: Bool) { key(name); value(flag) }
    mutating func field(_ name: StaticString, strings: [String]) {
        key(name)
        beginArray()
        for item in strings { value(item) }
        endArray()
    }

    // MARK: - Layout

    private mutating func open() {
        depth += 1
        hasMember.append(false)
    }

    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        let had = hasMember.removeLast()
        if pretty && had { newline() }
        bytes.append(bracket)
        if bytes.count >= chunkSize { finish() }
    }

    private mutating func beginValue() {
        if afterKey {
            afterKey = false
        } else if !hasMember.isEmpty {
            separate()
        }
    }

    private mutating func separate() {
        // Marked only at the first member: writing `true` over `true` checked the array's
        // uniqueness at every member.
        if let had = hasMember.last {
            if had { bytes.append(UInt8(ascii: ",")) } else { hasMember[hasMember.count - 1] = true }
        }
        if pretty { newline() }
    }

    private mutating func newline() {
        let length = 1 + depth * 2
        if length <= Self.newlineAndIndent.utf8CodeUnitCount {
            bytes.append(contentsOf: UnsafeBufferPointer(start: Self.newlineAndIndent.utf8Start, count: length))
        } else {
            bytes.append(UInt8(ascii: "\n"))
            bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * 2))
        }
    }

    /// A line break and the indent of 64 levels (128 spaces), whose prefixes are every shallower
    /// one. A static string, read in place: an array's slice was retained and appended through
    /// the generic path at every line of the output.
    private static var newlineAndIndent: StaticString {
        "\n                                                                                                                                "
    }

    /// Appends `text` as a JSON string: runs that need no escape are copied whole.
    mutating func appendQuoted(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var runStart = 0
            var index = 0
            while index < utf8.count {
                // Words with nothing to escape (nearly all) are passed over whole.
                if index + 8 <= utf8.count {
                    let word = ByteMask.word(utf8.baseAddress! + index)
                    let escapes = ByteMask.below(word, 0x20) | ByteMask.equal(word, UInt8(ascii: "\""))
                        | ByteMask.equal(word, UInt8(ascii: "\\"))
                    if escapes == 0 {
                        index += 8
                        continue
                    }
                    index += escapes.trailingZeroBitCount >> 3
                }
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else {
                    index += 1
                    continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                runStart = index + 1
                switch byte {
                case UInt8(ascii: "\""): bytes.append(contentsOf: [0x5C, 0x22])
                case UInt8(ascii: "\\"): bytes.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
                }
                index += 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
