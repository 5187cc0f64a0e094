/// A set of lexicon keys (``ArabicKey/make(_:)``) written out ahead of time: one key a line of a
/// static string, sorted by their UTF-8 bytes, and looked up by a binary search over those bytes.
///
/// Nothing is built at first use. A `Set<String>` of the same phrases made every key and hashed it
/// (a normalising hash for every Arabic string) the first time a line was asked about: a tenth of
/// the instructions of a one-line text's whole run, for a few lookups.
///
/// Every key of a table is plain (``ArabicKey/isPlain(_:)``, which the tests check), and what is
/// looked up is a key or a word of one: such a string equals a plain key as a Swift string exactly
/// when their bytes are equal (the only plain letters that decompose, ؤ and ئ, decompose into a
/// letter and a hamza mark no key holds).
struct KeyTable: Sendable {
    private let text: StaticString

    init(_ text: StaticString) {
        self.text = text
    }

    func contains(_ key: String) -> Bool {
        var key = key
        return key.withUTF8(contains)
    }

    func contains(_ key: Substring) -> Bool {
        var key = key
        return key.withUTF8(contains)
    }

    /// Whether the UTF-8 bytes `key` are one of the lines: a binary search whose middle is moved
    /// back to the start of its line.
    private func contains(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
        text.withUTF8Buffer { bytes in
            // Lines starting in low..<high are still to be compared.
            var low = 0
            var high = bytes.count
            while low < high {
                var start = (low + high) / 2
                while start > low && bytes[start - 1] != 0x0A { start -= 1 }
                var end = start
                while end < high && bytes[end] != 0x0A { end += 1 }
                let common = min(end - start, key.count)
                var at = 0
                while at < common && bytes[start + at] == key[at] { at += 1 }
                if at == common && end - start == key.count { return true }
                let lineFirst = at < common ? bytes[start + at] < key[at] : end - start < key.count
                if lineFirst { low = end + 1 } else { high = start }
            }
            return false
        }
    }

    /// The table's keys, in its order.
    var keys: [String] {
        text.withUTF8Buffer { bytes in
            bytes.split(separator: 0x0A).map { String(decoding: $0, as: UTF8.self) }
        }
    }

    /// The text of the table of `phrases`: their keys, each once, sorted by their UTF-8 bytes.
    static func text(of phrases: [String]) -> String {
        let keys = Set(phrases.map(ArabicKey.make))
        return keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.joined(separator: "\n")
    }
}
