import Foundation

/// Solar Hijri dates, as Iranian sites print them (`۱۴ فروردین ۱۴۰۲`, `29 بهمن 1398 - 06:55`), read by
/// ``ArabicDateParser``'s scanner like its Gregorian and Hijri dates and converted to Gregorian with
/// Foundation's Persian calendar.
///
/// The month table follows ``ArabicMonthNames``: entries are written as Persian sites write them, and the
/// scanner compares ``ArabicKey`` keys, so the Arabic-letter spellings Arabic keyboards and older CMSs
/// produce (`ي` for `ی`, `ك` for `ک`, `آ` without madda) match the same entry. Digits may be Persian
/// (۰-۹), Arabic-Indic or ASCII: the scanner reads every digit system.
enum PersianDate {
    // MARK: - Solar Hijri months, Farvardin first

    /// The Iranian names. `امرداد` is the older spelling of Mordad some outlets keep. The Afghan
    /// names (حمل، ثور، اسد، عقرب …) are left out: they are everyday Arabic words, and a day number
    /// and a year beside them would read Arabic prose as dates.
    static let months: [[String]] = [
        ["فروردین"], ["اردیبهشت"], ["خرداد"], ["تیر"], ["مرداد", "امرداد"], ["شهریور"],
        ["مهر"], ["آبان"], ["آذر"], ["دی"], ["بهمن"], ["اسفند"],
    ]

    /// Solar Hijri years the parser accepts: 1300 is 1921, 1500 is 2121.
    static let years = 1300...1500

    /// Every month spelling, as a key, to its month.
    static let monthsByKey: [String: ArabicMonthNames.Month] = {
        var table: [String: ArabicMonthNames.Month] = [:]
        for (index, spellings) in months.enumerated() {
            for spelling in spellings {
                table[ArabicKey.make(spelling)] = ArabicMonthNames.Month(calendar: .persian, number: index + 1)
            }
        }
        return table
    }()

    // MARK: - Conversion

    /// A Solar Hijri date converted to Gregorian, if it exists and lies in ``years``; at month
    /// precision the Gregorian year and month are those of the month's first day.
    static func gregorian(year: Int, month: Int, day: Int?) -> ArabicDate? {
        guard years.contains(year), (1...12).contains(month) else { return nil }
        let persianDay = day ?? 1
        guard (1...31).contains(persianDay),
            let converted = calendar.gregorianDay(year: year, month: month, day: persianDay)
        else { return nil }
        return ArabicDate(
            year: converted.year, month: converted.month, day: day == nil ? nil : converted.day, calendar: .persian)
    }

    private static let calendar: Foundation.Calendar = {
        var calendar = Foundation.Calendar(identifier: .persian)
        calendar.timeZone = .gmt
        return calendar
    }()
}
