import Foundation

/// The `id` of a `maqal records` line, echoed as it came: a string or an integer.
public enum RecordID: Sendable, Equatable, Decodable, CustomStringConvertible {
    case string(String)
    case integer(Int)

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let integer = try? container.decode(Int.self) {
            self = .integer(integer)
        } else {
            self = .string(try container.decode(String.self))
        }
    }

    public var description: String {
        switch self {
        case .string(let text): text
        case .integer(let number): String(number)
        }
    }

    func write(to writer: inout JSONWriter) {
        switch self {
        case .string(let text): writer.value(text)
        case .integer(let number): writer.value(number)
        }
    }

    /// The id of a record line, found by stepping over the other top-level values without
    /// decoding them, so the reader can name a record before (or without) parsing it: for the
    /// timeout line of a record still being parsed, and for a line too long to read whole (whose
    /// first bytes are all there is). `nil` when the id is not there or not a string or integer.
    static func find(in line: ArraySlice<UInt8>) -> RecordID? {
        var scanner = TopLevelScanner(bytes: line)
        guard scanner.skipSpace(), scanner.take(UInt8(ascii: "{")) else { return nil }
        while scanner.skipSpace(), let key = scanner.string() {
            guard scanner.skipSpace(), scanner.take(UInt8(ascii: ":")), scanner.skipSpace() else { return nil }
            let valueStart = scanner.index
            guard scanner.skipValue() else { return nil }
            if key.elementsEqual("id".utf8) {
                return try? JSONDecoder().decode(RecordID.self, from: Data(line[valueStart..<scanner.index]))
            }
            guard scanner.skipSpace(), scanner.take(UInt8(ascii: ",")) else { return nil }
        }
        return nil
    }
}

/// Steps over JSON values byte by byte, without building them.
private struct TopLevelScanner {
    let bytes: ArraySlice<UInt8>
    var index: Int

    init(bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        index = bytes.startIndex
    }

    /// Skips white space; false at the end of the bytes.
    mutating func skipSpace() -> Bool {
        while index < bytes.endIndex, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        return index < bytes.endIndex
    }

    mutating func take(_ byte: UInt8) -> Bool {
        guard index < bytes.endIndex, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    /// A string's raw bytes between its quotes (escapes left as written).
    mutating func string() -> ArraySlice<UInt8>? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = index
        while index < bytes.endIndex {
            switch bytes[index] {
            case UInt8(ascii: "\\"): index += 2
            case UInt8(ascii: "\""):
                index += 1
                return bytes[start..<(index - 1)]
            default: index += 1
            }
        }
        return nil
    }

    /// Steps over one value; false when the bytes end inside it.
    mutating func skipValue() -> Bool {
        guard index < bytes.endIndex else { return false }
        switch bytes[index] {
        case UInt8(ascii: "\""):
            return string() != nil
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            while index < bytes.endIndex {
                switch bytes[index] {
                case UInt8(ascii: "\""):
                    guard string() != nil else { return false }
                    continue
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 {
                        index += 1
                        return true
                    }
                default: break
                }
                index += 1
            }
            return false
        default:
            while index < bytes.endIndex, ![UInt8(ascii: ","), UInt8(ascii: "}"), 0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) {
                index += 1
            }
            return index < bytes.endIndex
        }
    }
}
