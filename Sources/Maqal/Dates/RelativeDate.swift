import Foundation

/// Relative dates as Arabic sites print them (ARABIC.md §5.3): `منذ ساعتين`, `منذ 5 دقائق`,
/// `قبل يومين`, `أمس`, `أول أمس`, `اليوم`, `الآن`.
enum RelativeDate {
    /// Seconds in one of each unit, by the keys of its singular, dual and plural forms.
    private static let units: [(keys: [String], seconds: Double, dual: Set<String>)] = {
        let table: [([String], Double, [String])] = [
            (["ثانية", "ثوان", "ثواني", "ثوانٍ", "ثانيتين", "ثانيتان"], 1, ["ثانيتين", "ثانيتان"]),
            (["دقيقة", "دقائق", "دقيقتين", "دقيقتان"], 60, ["دقيقتين", "دقيقتان"]),
            (["ساعة", "ساعات", "ساعتين", "ساعتان"], 3600, ["ساعتين", "ساعتان"]),
            (["يوم", "يوما", "يوماً", "أيام", "يومين", "يومان"], 86_400, ["يومين", "يومان"]),
            (["أسبوع", "أسابيع", "أسبوعين", "أسبوعان"], 604_800, ["أسبوعين", "أسبوعان"]),
            (["شهر", "أشهر", "شهور", "شهرين", "شهران"], 2_592_000, ["شهرين", "شهران"]),
            (["سنة", "سنوات", "سنتين", "سنتان", "عام", "أعوام", "عامين", "عامان"], 31_536_000,
             ["سنتين", "سنتان", "عامين", "عامان"]),
        ]
        return table.map { keys, seconds, dual in
            (keys.map(ArabicKey.make), seconds, Set(dual.map(ArabicKey.make)))
        }
    }()

    private static let agoWords = ["منذ", "قبل"]
    private static let todayWords = ["الآن", "للتو", "اليوم"]
    private static let yesterdayWords = ["أمس", "الأمس"]
    /// Keyed once: keying these words anew for every word of every line was most of the time spent here.
    private static let agoKeys: Set<String> = Set(agoWords.map(ArabicKey.make))
    private static let todayKeys: Set<String> = Set(todayWords.map(ArabicKey.make))
    private static let yesterdayKeys: Set<String> = Set(yesterdayWords.map(ArabicKey.make))
    private static let firstKey = ArabicKey.make("أول")
    /// Every answer starts from one of these words. Keyed straight from the words, not from the
    /// sets: a text without them is turned away before any set is hashed.
    private static let triggerKeys = (agoWords + todayWords + yesterdayWords).map(ArabicKey.make)

    /// How long ago `text` says something happened, in seconds; `nil` when it says no such thing.
    static func secondsAgo(in text: String) -> TimeInterval? {
        let key = ArabicKey.make(text)
        // A byte search for the words first: most short texts asked about (bylines, captions)
        // have none, and splitting them into words and hashing each was the cost.
        guard triggerKeys.contains(where: key.includes) else { return nil }
        let words = key.split(separator: " ").map(String.init)
        for (index, word) in words.enumerated() {
            if todayKeys.contains(word) { return 0 }
            if yesterdayKeys.contains(word) {
                let previous = index > 0 ? words[index - 1] : ""
                return previous == firstKey ? 2 * 86_400 : 86_400
            }
            guard agoKeys.contains(word), index + 1 < words.count else { continue }
            var count = 1.0
            var unitIndex = index + 1
            if let number = Double(words[unitIndex]) {
                count = number
                unitIndex += 1
            }
            guard unitIndex < words.count else { continue }
            let unitWord = words[unitIndex]
            for unit in units where unit.keys.contains(unitWord) {
                if unit.dual.contains(unitWord) { count = 2 }
                return count * unit.seconds
            }
        }
        return nil
    }

    /// Words a relative date line may hold besides its trigger and unit: `نشر منذ 3 ساعات تقريباً`,
    /// `أمس الساعة 10:30 مساءً`.
    private static let lineWordKeys: Set<String> = Set([
        "أول", "تقريبا", "تقريباً", "نشر", "نُشر", "تم", "النشر", "الساعة", "ص", "م",
        "صباحا", "صباحاً", "مساء", "مساءً", "ظهرا", "ظهراً",
    ].map(ArabicKey.make))

    private static let allUnitKeys: Set<String> = Set(units.flatMap(\.keys))

    /// Whether `text` is a relative date and nothing else (`منذ 3 ساعات`, `قبل يومين`, `أمس`,
    /// `منذ أسبوع`): a line a copied article keeps under its title, never a subtitle or a sentence.
    static func isDateLine(_ text: String) -> Bool {
        guard text.utf8.count <= 80, secondsAgo(in: text) != nil else { return false }
        let words = ArabicKey.make(text).split(separator: " ").map(String.init)
        guard !words.isEmpty, words.count <= 7 else { return false }
        return words.allSatisfy { word in
            word.allSatisfy(\.isNumber) || agoKeys.contains(word) || todayKeys.contains(word)
                || yesterdayKeys.contains(word) || allUnitKeys.contains(word) || lineWordKeys.contains(word)
        }
    }
}
