/// The header block of a MIME message or of one of its parts (RFC 5322 fields, folded lines
/// joined), as MHTML files carry them.
struct MIMEHeaders: Sendable {
    /// Field names lower-cased, values unfolded and trimmed, in the order written.
    private(set) var fields: [(name: String, value: String)] = []
    /// Where the body starts: after the blank line that ends the block (or where reading stopped).
    private(set) var bodyStart: Int
    /// Whether a blank line ended the block; `false` when the bytes ran out inside it.
    private(set) var ended = false

    /// Reads the header block that starts at `start`. With `strict`, a line that is neither a
    /// field nor a folded continuation means these bytes are not headers at all (`nil`); without,
    /// it ends the block there, as a broken part's body begins early.
    init?(_ bytes: [UInt8], from start: Int, to stop: Int? = nil, strict: Bool, limit: Int = 1 << 16) {
        let stop = stop ?? bytes.count
        bodyStart = start
        var lineStart = start
        let end = Swift.min(stop, start + limit)
        while lineStart < end {
            var lineEnd = lineStart
            while lineEnd < stop && bytes[lineEnd] != 0x0A { lineEnd += 1 }
            let next = Swift.min(lineEnd + 1, stop)
            var contentEnd = lineEnd
            if contentEnd > lineStart && bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            if contentEnd == lineStart {
                bodyStart = next
                ended = lineEnd < stop
                return
            }
            let first = bytes[lineStart]
            if first == 0x20 || first == 0x09 {
                guard !fields.isEmpty else {
                    if strict { return nil }
                    bodyStart = lineStart
                    return
                }
                let more = Self.text(bytes[lineStart..<contentEnd])
                fields[fields.count - 1].value += fields[fields.count - 1].value.isEmpty ? more : " " + more
            } else if let colon = Self.fieldName(bytes, lineStart, contentEnd) {
                let name = String(decoding: bytes[lineStart..<colon], as: UTF8.self).lowercased()
                fields.append((name, Self.text(bytes[(colon + 1)..<contentEnd])))
            } else {
                if strict { return nil }
                bodyStart = lineStart
                return
            }
            lineStart = next
            bodyStart = next
        }
        if strict && lineStart < stop { return nil }
    }

    /// The first value of the field `name` (lower-case).
    func value(_ name: String) -> String? {
        fields.first { $0.name == name }?.value
    }

    /// A `Content-Type`-like value split into its lower-cased main value and its parameters
    /// (names lower-cased, quotes and backslash escapes removed).
    static func parameters(of value: String) -> (main: String, parameters: [String: String]) {
        var parts: [String] = []
        var current = ""
        var quoted = false
        var escaped = false
        for character in value {
            if escaped {
                current.append(character)
                escaped = false
            } else if quoted && character == "\\" {
                escaped = true
            } else if character == "\"" {
                quoted.toggle()
            } else if character == ";" && !quoted {
                parts.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        parts.append(current)
        let main = parts.removeFirst().trimmingWhitespaceAndNewlines().lowercased()
        var parameters: [String: String] = [:]
        for part in parts {
            guard let equals = part.firstIndex(of: "=") else { continue }
            let name = part[..<equals].trimmingWhitespaceAndNewlines().lowercased()
            if !name.isEmpty && parameters[name] == nil {
                parameters[name] = part[part.index(after: equals)...].trimmingWhitespaceAndNewlines()
            }
        }
        return (main, parameters)
    }

    /// The colon after a field name that starts the line, or `nil` when the line is no field:
    /// a name is printable ASCII without spaces (RFC 5322 `ftext`).
    private static func fieldName(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Int? {
        var index = start
        while index < end {
            let byte = bytes[index]
            if byte == 0x3A { return index > start ? index : nil }
            guard byte > 0x20 && byte < 0x7F else { return nil }
            index += 1
        }
        return nil
    }

    private static func text(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self).trimmingWhitespaceAndNewlines()
    }
}
