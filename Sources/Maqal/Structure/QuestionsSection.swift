/// A questions-and-answers section of a text (`أسئلة شائعة`, `الأسئلة المتكررة`): its head is a
/// section heading, and each question followed by its answer heads a subsection one level down,
/// never merged into the answer nor left as a loose line (read by ``TextClassifier``).
enum QuestionsSection {
    /// Whether `text` heads a questions section: an FAQ phrase, perhaps with what it is about
    /// (`الأسئلة الشائعة حول تجديد الجواز`) and a colon, and short.
    static func isHead(_ text: String) -> Bool {
        guard text.utf8.count <= 160, WordCounter.count(text, upTo: 9) <= 8 else { return false }
        let shape = LineShape(text)
        if shape.endsWithPeriod || shape.endsWithQuestion || shape.hasInnerSentenceBreak { return false }
        let key = ArabicKey.make(text)
        return TextCues.faqHeadKeys.contains { key == $0 || key.hasPrefix($0 + " ") }
    }

    /// Whether `text` asks: it ends with a question mark, or opens with a question label (`س: …`,
    /// `س2- …`, `السؤال: …`), and is short enough to head its answer.
    static func isQuestion(_ text: String) -> Bool {
        guard text.utf8.count <= 400, WordCounter.count(text, upTo: 31) <= 30 else { return false }
        return LineShape(text).endsWithQuestion || label(of: text).map(TextCues.questionLabelKeys.contains) == true
    }

    /// Whether `text` opens with a question or an answer label (`س: …`, `ج: …`, `الجواب: …`): such
    /// a line starts its own unit, never joined to the line before.
    static func isLabelled(_ text: String) -> Bool {
        guard let label = label(of: text) else { return false }
        return TextCues.questionLabelKeys.contains(label) || TextCues.answerLabelKeys.contains(label)
    }

    /// A question with its answer after it: a question line (numbered or not) that the next line
    /// does not ask again.
    static func isAnswered(_ units: [TextSegmenter.Unit], at index: Int) -> Bool {
        let unit = units[index]
        guard unit.marker == nil || unit.marker!.kind == .number, index + 1 < units.count else { return false }
        guard isQuestion(unit.marker?.rest ?? unit.text) else { return false }
        let next = units[index + 1].marker?.rest ?? units[index + 1].text
        return !isQuestion(next) && !isHead(next)
    }

    /// The key of a label that opens `text` before a colon or a dash, its number dropped (`س1:` → `س`).
    static func label(of text: String) -> String? {
        let head = CharacterCount.prefix(12, of: text)
        guard let end = head.firstIndex(where: { $0 == ":" || $0 == "-" || $0 == "–" || $0 == "/" }) else { return nil }
        let key = ArabicKey.make(head[..<end]).filter { !$0.isNumber && $0 != " " }
        return key.isEmpty ? nil : key
    }
}
