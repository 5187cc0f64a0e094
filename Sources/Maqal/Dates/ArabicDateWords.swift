extension ArabicDateParser {
    /// Every single word that can be part of a written date (month-name words, day names, era,
    /// AM/PM and joining words, "الموافق"), as keys.
    static let dateWordKeys: Set<String> = {
        var words = Set<String>()
        for key in ArabicMonthNames.monthsByKey.keys { words.formUnion(key.split(separator: " ").map(String.init)) }
        words.formUnion(ArabicMonthNames.dayNameKeys)
        words.insert(ArabicMonthNames.dayWordKey)
        words.formUnion(ArabicMonthNames.eraByKey.keys)
        words.formUnion(ArabicMonthNames.meridiemByKey.keys)
        words.formUnion(ArabicMonthNames.monthYearJoinerKeys)
        words.formUnion(ArabicMonthNames.dayMonthJoinerKeys)
        words.formUnion(ArabicMonthNames.timeLeaderKeys)
        words.formUnion(["الموافق", "نشر", "تاريخ", "بتاريخ", "في"].map(ArabicKey.make))
        return words
    }()

    /// Whether `key` (one word of an ``ArabicKey``) belongs to a written date.
    static func isDateWord(_ key: String) -> Bool {
        dateWordKeys.contains(key)
    }
}
