/// A small set of ASCII words looked up by their bytes, without making a `String` of each
/// candidate.
struct WordList: Sendable {
    let words: Set<String>
    /// Words' bytes by their length.
    private let byLength: [[[UInt8]]]

    init(_ words: Set<String>) {
        self.words = words
        var table = [[[UInt8]]](repeating: [], count: (words.map(\.utf8.count).max() ?? 0) + 1)
        for word in words { table[word.utf8.count].append(Array(word.utf8)) }
        byLength = table
    }

    /// Whether `name` is one of the words: by bytes when it is ASCII, else by `String` equality
    /// (which treats canonically equivalent text as equal).
    func contains(_ name: String) -> Bool {
        var name = name
        let ascii: Bool? = name.withUTF8 { bytes in
            bytes.contains(where: { $0 >= 0x80 }) ? nil : contains(bytes)
        }
        return ascii ?? words.contains(name)
    }

    func contains(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count < byLength.count else { return false }
        return byLength[bytes.count].contains { $0.elementsEqual(bytes) }
    }
}
