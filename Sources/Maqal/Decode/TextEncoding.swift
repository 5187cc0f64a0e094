import Foundation

/// The character encodings maqal reads.
public enum TextEncoding: String, Sendable, CaseIterable, Codable {
    case utf8 = "utf-8"
    case utf16LE = "utf-16le"
    case utf16BE = "utf-16be"
    case windows1256 = "windows-1256"
    case iso88596 = "iso-8859-6"
    case windows1252 = "windows-1252"

    /// Resolves a label as pages and users write it (`cp1256`, `arabic`, `latin1` …).
    ///
    /// Labels follow the WHATWG Encoding Standard's table for the encodings we support.
    public init?(label: some StringProtocol) {
        self.init(key: Self.key(label))
    }

    /// The label trimmed, in lower case, `_` read as `-`. An ASCII label (every real one) is
    /// folded byte by byte: Foundation's trimming and case mapping cost more than the rest of
    /// the charset search, and fold ASCII the same way.
    private static func key(_ label: some StringProtocol) -> String {
        let utf8 = label.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else {
            return label.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
                .replacingOccurrences(of: "_", with: "-")
        }
        // ASCII white space and new lines: tab, line feed, vertical tab, form feed, carriage return, space.
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
        let bytes = Array(utf8)
        var start = 0
        var end = bytes.count
        while start < end && isSpace(bytes[start]) { start += 1 }
        while end > start && isSpace(bytes[end - 1]) { end -= 1 }
        // Written straight into the string's storage: `String(decoding:as:)` over a lazy map is
        // generic code that asks the runtime for the sequence's type and conformances, a
        // protocol-conformance scan of the whole binary in a process's first page.
        return String(unsafeUninitializedCapacity: end - start) { out in
            for (offset, byte) in bytes[start..<end].enumerated() {
                if byte &- 0x41 < 26 {
                    out[offset] = byte | 0x20
                } else {
                    out[offset] = byte == UInt8(ascii: "_") ? UInt8(ascii: "-") : byte
                }
            }
            return end - start
        }
    }

    private init?(key: String) {
        switch key {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8": self = .utf8
        case "utf-16", "utf-16le", "utf16", "unicode", "ucs-2", "csunicode", "iso-10646-ucs-2": self = .utf16LE
        case "utf-16be", "unicodefffe": self = .utf16BE
        case "windows-1256", "cp1256", "x-cp1256", "win-1256", "windows1256": self = .windows1256
        case "iso-8859-6", "iso8859-6", "iso88596", "arabic", "asmo-708", "csiso88596e", "csiso88596i",
            "csisolatinarabic", "ecma-114", "iso-8859-6-e", "iso-8859-6-i", "iso-ir-127", "iso-8859-6:1987":
            self = .iso88596
        case "windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1", "latin1", "l1", "ascii",
            "us-ascii", "iso-ir-100", "cp819", "ibm819", "csisolatin1", "iso-8859-1:1987", "ansi-x3.4-1968":
            self = .windows1252
        default: return nil
        }
    }

    /// The names `--encoding` accepts, for help and error messages.
    package static var names: [String] { allCases.map(\.rawValue) }
}
