/// A small streaming JSON writer: keys in the order written, UTF-8 unescaped, optional indent.
///
/// Faster than building a value tree for `JSONEncoder`, and it keeps the contract's key order.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    let pretty: Bool
    private var depth = 0
    /// One entry per open container: whether it has a member yet.
    private var hasMember: [Bool] = []
    private var afterKey = false

    init(pretty: Bool, capacity: Int = 4096) {
        self.pretty = pretty
        bytes.reserveCapacity(capacity)
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }

    // MARK: - Containers

    mutating func beginObject() { beginValue(); bytes.append(UInt8(ascii: "{")); open() }
    mutating func endObject() { close(UInt8(ascii: "}")) }
    mutating func beginArray() { beginValue(); bytes.append(UInt8(ascii: "[")); open() }
    mutating func endArray() { close(UInt8(ascii: "]")) }

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
    mutating func value(_ number: Int) { beginValue(); bytes.append(contentsOf: String(number).utf8) }
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

    mutating func field(_ name: String, _ text: String?) { key(name); value(text) }
    mutating func field(_ name: String, _ number: Int) { key(name); value(number) }
    mutating func field(_ name: String, _ flag: Bool) { key(name); value(flag) }
    mutating func field(_ name: String, strings: [String]) {
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
    }

    private mutating func beginValue() {
        if afterKey {
            afterKey = false
        } else if !hasMember.isEmpty {
            separate()
        }
    }

    private mutating func separate() {
        if hasMember.last == true { bytes.append(UInt8(ascii: ",")) }
        if !hasMember.isEmpty { hasMember[hasMember.count - 1] = true }
        if pretty { newline() }
    }

    private mutating func newline() {
        bytes.append(UInt8(ascii: "\n"))
        for _ in 0..<(depth * 2) { bytes.append(UInt8(ascii: " ")) }
    }

    /// Appends `text` as a JSON string: runs that need no escape are copied whole.
    mutating func appendQuoted(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var runStart = 0
            for index in utf8.indices {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
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
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
