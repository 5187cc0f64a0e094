/// The markup of texts forwarded in messaging apps (WhatsApp, Telegram): a line wrapped in
/// asterisks is bold, which such texts use for their headings (`*فوائد الزنجبيل*`).
enum MessagingMarkup {
    /// The text inside a line that is wholly `*bold*` (an emoji may stand before or after it), or
    /// `nil`. The inside must hold letters and no asterisk of its own.
    static func boldLine(_ text: String) -> String? {
        guard text.utf8.count <= 400, text.utf8.contains(UInt8(ascii: "*")) else { return nil }
        let scalars = Array(text.unicodeScalars)
        guard let open = scalars.firstIndex(of: "*"), let close = scalars.lastIndex(of: "*"), close > open + 1 else {
            return nil
        }
        let decoration = scalars[..<open] + scalars[(close + 1)...]
        guard decoration.allSatisfy({ ArabicScalar.isSpace($0.value) || isDecoration($0) }) else { return nil }
        let inner = scalars[(open + 1)..<close]
        guard !inner.contains("*"), inner.contains(where: ArabicScalar.isLetter),
            let first = inner.first, let last = inner.last, !ArabicScalar.isSpace(first.value), !ArabicScalar.isSpace(last.value)
        else { return nil }
        return String(String.UnicodeScalarView(inner))
    }

    /// An emoji or a symbol that decorates a line (`📌`, `✅`, U+FE0F).
    private static func isDecoration(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value == 0xFE0F || scalar.value == 0x200D
            || (scalar.value >= 0x2190 && (scalar.properties.isEmoji || scalar.properties.isEmojiPresentation))
    }
}
