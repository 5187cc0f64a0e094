import Foundation

// MARK: - Running text

/// One pass over a text's scalars into numbers, words and symbols, then date patterns anchored on
/// numbers and month names. Word keys are built only for the words a pattern looks at.
final class TextDateScanner {
    private struct Token {
        enum Kind: Equatable {
            /// `value` is -1 when the digits mix digit systems (a typo, ARABIC.md §2.5) or overflow.
            case number(value: Int, digits: Int)
            case word
            case symbol(UInt32)
        }

        let kind: Kind
        let range: Range<String.Index>
        let spaceBefore: Bool
    }

    private enum Outcome {
        /// Not a date here; try the next token.
        case none
        /// A date shape with impossible values (`31 فبراير`): skip it, do not read a part of it.
        case rejected(end: Int)
        case date(ArabicDate, end: Int)
    }

    private struct TimeOfDay {
        var hour: Int
        var minute: Int
        var second: Int?
        var offset: Int?
        var end: Int
    }

    private let text: String
    private var tokens: [Token] = []
    private var keys: [String?] = []
    /// For each token, the index of the first number at or after it (`tokens.count` if none): a
    /// month name is only looked up when a number is close enough to be its day or year.
    private var nextNumber: [Int] = []
    /// The furthest a month name can stand before its day or year: two words, a paired twin of
    /// two words in parentheses, a comma and two joining words (`آذار (كانون الثاني) ، من عام`).
    private static let monthReach = 9

    // The scalar classes are short arrays and a switch, not a `Set<UInt32>` or `[UInt32: Int]`: the
    // first hashed collection of a key type costs a process a protocol-conformance scan of the whole
    // binary (~0.35M instructions each), more than a short linear search costs in a whole corpus run.
    private static let dateSeparators: [UInt32] = [0x2F, 0x2D, 0x2E, 0x060D, 0x2010, 0x2011]
    private static let pairSeparators: [UInt32] = [0x2F, 0x28, 0x2D, 0x2013, 0x2014, 0x5C]
    private static let commas: [UInt32] = [0x2C, 0x060C]
    /// What may stand between a date and its time: `12 مارس 2024 - 10:30`, `… | 10:30`, `(10:30)`.
    private static let timeGaps: [UInt32] = [
        0x2D, 0x2013, 0x2014, 0x2C, 0x060C, 0x7C, 0x2022, 0xB7, 0x2F, 0x28, 0x29, 0x40, 0x5B, 0x5D,
    ]
    /// The sign of a time-zone offset: `+03:00`, `-05:00`, `−05:00`.
    private static func sign(_ scalar: UInt32) -> Int? {
        switch scalar {
        case 0x2B: 1
        case 0x2D, 0x2212: -1
        default: nil
        }
    }
    private static let colon: UInt32 = 0x3A
    private static let dot: UInt32 = 0x2E
    private static let openParenthesis: UInt32 = 0x28
    private static let closeParenthesis: UInt32 = 0x29
    /// ISO `Z` and bare `GMT` / `UTC` after a time, as keys.
    private static let zuluKey = "z"
    private static let bareZoneKeys: Set<String> = ["gmt", "utc"]

    init(_ text: String) {
        self.text = text
        tokenize()
        keys = Array(repeating: nil, count: tokens.count)
        nextNumber = Array(repeating: tokens.count, count: tokens.count)
        var next = tokens.count
        for index in tokens.indices.reversed() {
            if case .number = tokens[index].kind { next = index }
            nextNumber[index] = next
        }
    }

    private func tokenize() {
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        var space = false
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let value = scalar.value
            if ArabicScalar.isSpace(value) {
                space = true
                index = scalars.index(after: index)
                continue
            }
            if ArabicScalar.isInvisibleJunk(value) || ArabicDateParser.isBidiMark(value) {
                index = scalars.index(after: index)
                continue
            }
            let start = index
            let kind: Token.Kind
            if let first = ArabicScalar.digitValue(value) {
                let system = value - UInt32(first)
                var number = 0
                var digits = 0
                var usable = true
                while index < scalars.endIndex, let digit = ArabicScalar.digitValue(scalars[index].value) {
                    if scalars[index].value - UInt32(digit) != system { usable = false }
                    digits += 1
                    if digits > 9 { usable = false } else { number = number * 10 + digit }
                    index = scalars.index(after: index)
                }
                kind = .number(value: usable ? number : -1, digits: digits)
            } else if Self.isWordScalar(scalar) {
                while index < scalars.endIndex, Self.isWordScalar(scalars[index]) {
                    index = scalars.index(after: index)
                }
                kind = .word
            } else {
                index = scalars.index(after: index)
                kind = .symbol(value)
            }
            tokens.append(Token(kind: kind, range: start..<index, spaceBefore: space))
            space = false
        }
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        ArabicScalar.isLetter(scalar) || ArabicScalar.isMark(scalar) || scalar.value == 0x200C
            || scalar.value == 0x200D
    }

    // MARK: Token access

    private func number(_ index: Int) -> (value: Int, digits: Int)? {
        guard index < tokens.count, case .number(let value, let digits) = tokens[index].kind else { return nil }
        return (value, digits)
    }

    private func symbol(_ index: Int) -> UInt32? {
        guard index < tokens.count, case .symbol(let value) = tokens[index].kind else { return nil }
        return value
    }

    /// The matching key of a word token; "" for a word of tatweel or marks only; nil if not a word.
    private func key(_ index: Int) -> String? {
        guard index < tokens.count, tokens[index].kind == .word else { return nil }
        if let key = keys[index] { return key }
        let key = ArabicKey.make(Substring(text.unicodeScalars[tokens[index].range]))
        keys[index] = key
        return key
    }

    private func isTight(_ index: Int) -> Bool {
        index < tokens.count && !tokens[index].spaceBefore
    }

    // MARK: Choosing

    func best() -> ArabicDate? {
        var found: [ArabicDate] = []
        var index = 0
        var floor = 0
        while index < tokens.count {
            switch match(at: index) {
            case .none:
                index += 1
            case .rejected(let end):
                index = end
                floor = end
            case .date(var date, let end):
                var stop = end
                if let time = time(after: end) {
                    apply(time, to: &date)
                    stop = time.end
                } else if let time = time(before: index, floor: floor) {
                    apply(time, to: &date)
                }
                found.append(date)
                index = stop
                floor = stop
            }
        }
        return choose(found)
    }

    /// Day precision over month precision, then Gregorian over Hijri, then the first written. The
    /// winner borrows the Hijri components and the time of a candidate naming the same day.
    private func choose(_ found: [ArabicDate]) -> ArabicDate? {
        func rank(_ date: ArabicDate) -> Int {
            (date.day != nil ? 4 : 2) + (date.calendar == .gregorian ? 1 : 0)
        }
        guard var best = found.first else { return nil }
        for date in found.dropFirst() where rank(date) > rank(best) { best = date }
        guard best.day != nil else { return best }
        for other in found where other != best && Self.sameDay(other, best) {
            if best.hijri == nil, let hijri = other.hijri, hijri.day != nil { best.hijri = hijri }
            if best.hour == nil, other.hour != nil {
                best.hour = other.hour
                best.minute = other.minute
                best.second = other.second
                best.utcOffsetMinutes = other.utcOffsetMinutes
            }
        }
        return best
    }

    /// The same day, allowing a Hijri date two days of sighting difference from its Gregorian twin.
    private static func sameDay(_ a: ArabicDate, _ b: ArabicDate) -> Bool {
        guard let aMonth = a.month, let aDay = a.day, let bMonth = b.month, let bDay = b.day else { return false }
        let distance = abs(
            ArabicDateParser.julianDay(year: a.year, month: aMonth, day: aDay)
                - ArabicDateParser.julianDay(year: b.year, month: bMonth, day: bDay))
        return a.calendar == b.calendar ? distance == 0 : distance <= 2
    }

    private func apply(_ time: TimeOfDay, to date: inout ArabicDate) {
        guard date.day != nil else { return }
        date.hour = time.hour
        date.minute = time.minute
        date.second = time.second
        date.utcOffsetMinutes = time.offset
    }

    // MARK: Date patterns

    private func match(at index: Int) -> Outcome {
        switch tokens[index].kind {
        case .number:
            if let outcome = numericDate(at: index) { return outcome }
            return dayMonthYear(at: index)
        case .word:
            guard nextNumber[index] - index <= Self.monthReach else { return .none }
            return monthFirst(at: index)
        case .symbol:
            return .none
        }
    }

    /// `12/03/2024`, `12-3-2024`, `12.03.2024`, `2024-03-12`, `١٤٤٥/٩/٢هـ`: nil when the shape is not there.
    private func numericDate(at index: Int) -> Outcome? {
        guard let first = number(index), let separator = symbol(index + 1),
            Self.dateSeparators.contains(separator), let second = number(index + 2),
            symbol(index + 3) == separator, let third = number(index + 4)
        else { return nil }
        var end = index + 5
        // A longer chain (1.2.3.2024, 2024-03-12-7, 12/3/2024/5) is a version, code or phone number.
        if index >= 2, symbol(index - 1) == separator, isTight(index), number(index - 2) != nil {
            return .rejected(end: end)
        }
        if symbol(end) == separator, isTight(end), number(end + 1) != nil { return .rejected(end: end + 2) }
        let year: Int
        let month: Int
        let day: Int
        if first.digits == 4, third.digits <= 2 {
            (year, month, day) = (first.value, second.value, third.value)
        } else if third.digits == 4, first.digits <= 2 {
            // Arab countries write the day first; only when the second number cannot be a month is
            // the order month/day.
            year = third.value
            (day, month) = second.value > 12 && first.value <= 12 ? (second.value, first.value) : (first.value, second.value)
        } else {
            return nil
        }
        guard second.digits <= 2 else { return .rejected(end: end) }
        var era: ArabicDate.Calendar?
        if let (calendar, after) = self.era(at: end) {
            era = calendar
            end = after
        }
        let calendar: ArabicDate.Calendar
        if ArabicDateParser.gregorianYears.contains(year) {
            calendar = .gregorian
        } else if ArabicDateParser.hijriYears.contains(year) {
            calendar = .hijri
        } else {
            return .rejected(end: end)
        }
        if let era, era != calendar { return .rejected(end: end) }
        let date =
            calendar == .gregorian
            ? ArabicDateParser.gregorian(year: year, month: month, day: day)
            : ArabicDateParser.hijri(year: year, month: month, day: day)
        guard let date else { return .rejected(end: end) }
        return .date(date, end: end)
    }

    /// `12 مارس 2024`, `2 رمضان 1445هـ`, `12 من شهر آذار (مارس) 2024م`.
    private func dayMonthYear(at index: Int) -> Outcome {
        guard let day = number(index), day.digits <= 2 else { return .none }
        let monthIndex = skipWords(from: index + 1, in: ArabicMonthNames.dayMonthJoinerKeys, limit: 2)
        guard let (month, afterMonth) = monthWithPair(at: monthIndex),
            let (year, era, end) = yearAfterMonth(at: afterMonth)
        else { return .none }
        guard let date = makeDate(month, year: year, day: day.value, era: era) else { return .rejected(end: end) }
        return .date(date, end: end)
    }

    /// `مارس 2024`, `آذار/مارس من عام 2024`, `رمضان 1445 هـ` (month precision) and `مارس 12، 2024`.
    private func monthFirst(at index: Int) -> Outcome {
        guard let (month, afterMonth) = monthWithPair(at: index) else { return .none }
        if let day = number(afterMonth), day.digits <= 2 {
            var yearIndex = afterMonth + 1
            if let comma = symbol(yearIndex), Self.commas.contains(comma) { yearIndex += 1 }
            guard let (year, era, end) = year(at: yearIndex) else { return .none }
            guard let date = makeDate(month, year: year, day: day.value, era: era) else {
                return .rejected(end: end)
            }
            return .date(date, end: end)
        }
        guard let (year, era, end) = yearAfterMonth(at: afterMonth) else { return .none }
        guard let date = makeDate(month, year: year, day: nil, era: era) else { return .rejected(end: end) }
        return .date(date, end: end)
    }

    private func makeDate(
        _ month: ArabicMonthNames.Month, year: Int, day: Int?, era: ArabicDate.Calendar?
    ) -> ArabicDate? {
        // A Solar Hijri year may carry the Hijri era word: `۱۴۰۲ هجری شمسی`.
        if let era, era != month.calendar, !(month.calendar == .persian && era == .hijri) { return nil }
        switch month.calendar {
        case .gregorian: return ArabicDateParser.gregorian(year: year, month: month.number, day: day)
        case .hijri: return ArabicDateParser.hijri(year: year, month: month.number, day: day)
        case .persian: return PersianDate.gregorian(year: year, month: month.number, day: day)
        }
    }

    /// A month name of one or two words (two first: `كانون الثاني` before `كانون`).
    private func month(at index: Int) -> (ArabicMonthNames.Month, end: Int)? {
        guard let first = key(index), !first.isEmpty else { return nil }
        if let second = key(index + 1), !second.isEmpty,
            let month = ArabicMonthNames.monthsByKey[first + " " + second]
        {
            return (month, index + 2)
        }
        guard let month = ArabicMonthNames.monthsByKey[first] else { return nil }
        return (month, index + 1)
    }

    /// A month name with its twin from another system, as pan-Arab outlets pair them:
    /// `مارس/آذار`, `آذار (مارس)`, `أيار - مايو`. The pair is one month.
    private func monthWithPair(at index: Int) -> (ArabicMonthNames.Month, end: Int)? {
        guard let (month, end) = month(at: index) else { return nil }
        guard let separator = symbol(end), Self.pairSeparators.contains(separator),
            let (twin, twinEnd) = self.month(at: end + 1), twin == month
        else { return (month, end) }
        if separator == Self.openParenthesis, symbol(twinEnd) == Self.closeParenthesis {
            return (month, twinEnd + 1)
        }
        return (month, twinEnd)
    }

    /// The year after a month name, past a comma (`12 مارس، 2024`) and joining words (`من عام`).
    private func yearAfterMonth(at index: Int) -> (Int, era: ArabicDate.Calendar?, end: Int)? {
        var index = index
        if let comma = symbol(index), Self.commas.contains(comma) { index += 1 }
        index = skipWords(from: index, in: ArabicMonthNames.monthYearJoinerKeys, limit: 2)
        return year(at: index)
    }

    /// A four-digit number and the era word after it (`2024م`, `1445 هـ.`); the range is checked later.
    private func year(at index: Int) -> (Int, era: ArabicDate.Calendar?, end: Int)? {
        guard let year = number(index), year.digits == 4 else { return nil }
        guard let (era, end) = era(at: index + 1) else { return (year.value, nil, index + 1) }
        return (year.value, era, end)
    }

    private func era(at index: Int) -> (ArabicDate.Calendar, end: Int)? {
        guard let key = key(index), let era = ArabicMonthNames.eraByKey[key] else { return nil }
        if symbol(index + 1) == Self.dot, isTight(index + 1) { return (era, index + 2) }
        return (era, index + 1)
    }

    private func skipWords(from index: Int, in words: Set<String>, limit: Int) -> Int {
        var index = index
        var skipped = 0
        while skipped < limit, let key = key(index), words.contains(key) {
            index += 1
            skipped += 1
        }
        return index
    }

    // MARK: Times

    /// A time after the date, past a few separators and `الساعة`: `… 2024 - 10:30 ص`.
    private func time(after end: Int) -> TimeOfDay? {
        var index = end
        for _ in 0..<4 {
            if let time = time(at: index) { return time }
            guard isGap(index, beforeDate: false) else { return nil }
            index += 1
        }
        return time(at: index)
    }

    /// A time written before the date, past day names and separators: `10:30 ص، الثلاثاء 12 مارس 2024`.
    private func time(before start: Int, floor: Int) -> TimeOfDay? {
        for index in max(floor, start - 8)..<start {
            guard let time = time(at: index), time.end <= start else { continue }
            if (time.end..<start).allSatisfy({ isGap($0, beforeDate: true) }) { return time }
        }
        return nil
    }

    private func isGap(_ index: Int, beforeDate: Bool) -> Bool {
        if let symbol = symbol(index) { return Self.timeGaps.contains(symbol) }
        guard let key = key(index) else { return false }
        if key.isEmpty || ArabicMonthNames.timeLeaderKeys.contains(key) { return true }
        return beforeDate && (ArabicMonthNames.dayNameKeys.contains(key) || key == ArabicMonthNames.dayWordKey)
    }

    /// `hh:mm`, `hh:mm:ss`, then `ص`/`م` (or `من مساء`), then a zone: `Z`, `+03:00`, `GMT+3`, `بتوقيت مكة المكرمة`.
    private func time(at index: Int) -> TimeOfDay? {
        guard let hour = number(index), (1...2).contains(hour.digits), (0...23).contains(hour.value),
            symbol(index + 1) == Self.colon, let minute = number(index + 2), minute.digits == 2,
            (0...59).contains(minute.value)
        else { return nil }
        var time = TimeOfDay(hour: hour.value, minute: minute.value, end: index + 3)
        if symbol(time.end) == Self.colon, let second = number(time.end + 1), second.digits == 2,
            (0...59).contains(second.value)
        {
            time.second = second.value
            time.end += 2
            if symbol(time.end) == Self.dot, isTight(time.end), number(time.end + 1) != nil { time.end += 2 }
        }
        var meridiemIndex = time.end
        if let key = key(meridiemIndex), ArabicMonthNames.meridiemLeaderKeys.contains(key) { meridiemIndex += 1 }
        if let key = key(meridiemIndex), let afterNoon = ArabicMonthNames.meridiemByKey[key] {
            if afterNoon, time.hour < 12 { time.hour += 12 }
            if !afterNoon, time.hour == 12 { time.hour = 0 }
            time.end = meridiemIndex + 1
        }
        if let (offset, end) = zone(at: time.end) {
            time.offset = offset
            time.end = end
        }
        return time
    }

    private func zone(at index: Int) -> (Int, end: Int)? {
        // `10:30+03:00`, and `10:30 +03:00` when the offset has its minutes (a bare `+3` after a
        // space is too weak).
        if let sign = symbol(index).flatMap({ Self.sign($0) }), let (offset, end) = offset(at: index + 1),
            isTight(index) || end > index + 2 || number(index + 1)?.digits == 4
        {
            return (sign * offset, end)
        }
        guard let key = key(index) else { return nil }
        if key == Self.zuluKey, isTight(index) { return (0, index + 1) }
        if Self.bareZoneKeys.contains(key) {
            if let sign = symbol(index + 1).flatMap({ Self.sign($0) }), let (offset, end) = offset(at: index + 2) {
                return (sign * offset, end)
            }
            return (0, index + 1)
        }
        guard ArabicMonthNames.zoneWordKeys.contains(key), let first = self.key(index + 1) else { return nil }
        if let second = self.key(index + 2), let minutes = ArabicMonthNames.fixedZoneByKey[first + " " + second] {
            return (minutes, index + 3)
        }
        guard let minutes = ArabicMonthNames.fixedZoneByKey[first] else { return nil }
        return (minutes, index + 2)
    }

    /// `03:00`, `0300`, `3`: an offset's size in minutes.
    private func offset(at index: Int) -> (Int, end: Int)? {
        guard let hours = number(index) else { return nil }
        if hours.digits == 4 {
            let (h, m) = (hours.value / 100, hours.value % 100)
            return h <= 14 && m < 60 ? (h * 60 + m, index + 1) : nil
        }
        guard hours.digits <= 2, (0...14).contains(hours.value) else { return nil }
        if symbol(index + 1) == Self.colon, let minutes = number(index + 2), minutes.digits == 2,
            minutes.value < 60
        {
            return (hours.value * 60 + minutes.value, index + 3)
        }
        return (hours.value * 60, index + 1)
    }
}
