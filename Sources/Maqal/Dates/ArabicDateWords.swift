extension ArabicDateParser {
    /// Every single word that can be part of a written date (month-name words, day names, era,
    /// AM/PM and joining words, "الموافق"), as keys.
    static let dateWordKeys: Set<String> = {
        // Sized once and filled word by word: built in a process's first page, where growing the set
        // (every element rehashed at each doubling) and an array per month key were most of its cost.
        var words = Set<String>(minimumCapacity: 256)
        for key in ArabicMonthNames.monthsByKey.keys {
            for word in key.split(separator: " ") { words.insert(String(word)) }
        }
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
