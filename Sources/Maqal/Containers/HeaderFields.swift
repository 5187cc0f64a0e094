import Foundation

/// `Name: value` lines as WARC and HTTP headers write them, in order, looked up without regard to case.
public struct HeaderFields: Sendable, Equatable {
    /// One field as written (names keep their case; values are trimmed).
    public struct Field: Sendable, Equatable {
        public var name: String
        public var value: String
    }

    public private(set) var fields: [Field]

    public init(_ fields: [Field] = []) {
        self.fields = fields
    }

    /// The first value of the field `name`, compared without regard to ASCII case.
    public subscript(_ name: String) -> String? {
        let lowered = name.lowercased()
        return fields.first { $0.name.lowercased() == lowered }?.value
    }

    /// Reads the field lines of `bytes` (after a start line, up to and without the blank line).
    /// A line that starts with a space or tab continues the field before it (obsolete folding);
    /// a line without a colon is ignored, as browsers do. Bytes are read as UTF-8, invalid ones
    /// replaced.
    static func parse(_ bytes: ArraySlice<UInt8>) -> HeaderFields {
        var fields: [Field] = []
        for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
            var line = line
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            guard let first = line.first else { continue }
            if first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") {
                if !fields.isEmpty {
                    fields[fields.count - 1].value += " " + trimmed(line)
                }
                continue
            }
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { continue }
            let name = trimmed(line[..<colon])
            guard !name.isEmpty else { continue }
            fields.append(Field(name: name, value: trimmed(line[(colon + 1)...])))
        }
        return HeaderFields(fields)
    }

    /// Where a header block that starts at `start` ends: its fields end before the first blank
    /// line and what follows starts after it. Lone `\n` line ends count as well as `\r\n`; only
    /// the bytes before `end` are searched.
    static func blankLine(in bytes: [UInt8], from start: Int, end: Int) -> (fieldsEnd: Int, bodyStart: Int)? {
        var index = start
        while index < end {
            if bytes[index] == UInt8(ascii: "\n") {
                if index + 1 < end && bytes[index + 1] == UInt8(ascii: "\n") { return (index + 1, index + 2) }
                if index + 2 < end && bytes[index + 1] == UInt8(ascii: "\r") && bytes[index + 2] == UInt8(ascii: "\n") {
                    return (index + 1, index + 3)
                }
            }
            index += 1
        }
        return nil
    }

    private static func trimmed(_ bytes: ArraySlice<UInt8>) -> String {
        var bytes = bytes
        while let first = bytes.first, first == 0x20 || first == 0x09 { bytes = bytes.dropFirst() }
        while let last = bytes.last, last == 0x20 || last == 0x09 || last == 0x0D { bytes = bytes.dropLast() }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The media type of a `Content-Type` value, lowercased, without parameters (`text/html`).
    public static func mediaType(_ contentType: String) -> String {
        let type = contentType.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        return type.trimmingCharacters(in: .whitespaces).lowercased()
    }

    /// The `charset` parameter of a `Content-Type` value, unquoted; `nil` when it names none.
    public static func charset(_ contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "charset" else { continue }
            let value = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: " \t\"'"))
            return value.isEmpty ? nil : value
        }
        return nil
    }
}
