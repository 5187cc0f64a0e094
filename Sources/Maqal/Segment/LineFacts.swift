/// What ``TextSegmenter`` asks about a line's text, each answer worked out the first time it is
/// asked.
///
/// A line is asked about as the line a wrap would join, as the line a wrap would continue, among
/// the furniture and again when it is classified: the same key, label, lexicon and caption checks
/// ran up to six times a line.
struct LineFacts: Sendable {
    private(set) var text: String
    private var key: String?
    private var role: BoilerplateLexicon.Role??
    private var metadata: MetadataLine??
    private var caption: Bool?
    private var dateLine: Bool?

    init(_ text: String) { self.text = text }

    /// Joins a hard-wrapped line on; what was known was about the shorter text. The text grows
    /// in place as long as nothing else holds it.
    mutating func join(_ line: String) {
        key = nil
        role = nil
        metadata = nil
        caption = nil
        dateLine = nil
        text.append(" ")
        text.append(line)
    }

    /// The line's matching key (``ArabicKey/make(_:)``).
    mutating func matchingKey() -> String {
        if let key { return key }
        let made = ArabicKey.make(text)
        key = made
        return made
    }

    /// The lexicon's role for the whole line, as ``BoilerplateLexicon/role(ofKey:maxWords:)``
    /// reads its key.
    mutating func lexiconRole(_ lexicon: BoilerplateLexicon) -> BoilerplateLexicon.Role? {
        if let role { return role }
        let found = lexicon.role(ofKey: matchingKey())
        role = .some(found)
        return found
    }

    /// The role as ``BoilerplateLexicon/role(of:)`` gives it: none for a line too long to be a
    /// phrase and its title.
    mutating func shortLineRole(_ lexicon: BoilerplateLexicon) -> BoilerplateLexicon.Role? {
        text.utf8.count <= 400 ? lexiconRole(lexicon) : nil
    }

    /// The line read as a labelled metadata line (``MetadataLine/read(_:)``).
    mutating func metadataLine() -> MetadataLine? {
        if let metadata { return metadata }
        let read = MetadataLine.read(text)
        metadata = .some(read)
        return read
    }

    /// ``CaptionCue/isCaption(_:)``.
    mutating func isCaption() -> Bool {
        if let caption { return caption }
        let found = text.utf8.count <= 400 && CaptionCue.isCaption(text, key: matchingKey())
        caption = found
        return found
    }

    /// A date and little else, written or relative (``MetadataLine/dateLine(_:)``,
    /// ``RelativeDate/isDateLine(_:)``): such a line stands on its own, never wrapped into another.
    mutating func isDateLine() -> Bool {
        if let dateLine { return dateLine }
        let found = text.utf8.count <= 160
            && (RelativeDate.isDateLine(text) || (WordCounter.count(text, upTo: 12) <= 12 && MetadataLine.dateLine(text) != nil))
        dateLine = found
        return found
    }
}
