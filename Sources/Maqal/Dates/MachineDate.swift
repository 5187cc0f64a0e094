import Foundation

// MARK: - Machine values

private struct MachineCursor {
    let scalars: [UInt32]
    var index = 0

    var peek: UInt32? { index < scalars.count ? scalars[index] : nil }
    var atEnd: Bool { index >= scalars.count }

    mutating func take(_ value: UInt32) -> Bool {
        guard peek == value else { return false }
        index += 1
        return true
    }

    mutating func take(anyOf values: [UInt32]) -> UInt32? {
        guard let value = peek, values.contains(value) else { return nil }
        index += 1
        return value
    }

    /// A run of digits in any digit system, capped at 9 digits.
    mutating func digits() -> (value: Int, count: Int)? {
        var value = 0
        var count = 0
        while let scalar = peek, let digit = ArabicScalar.digitValue(scalar) {
            if count < 9 { value = value * 10 + digit }
            count += 1
            index += 1
        }
        return count == 0 || count > 9 ? nil : (value, count)
    }

    /// A run of ASCII letters, lower-cased.
    mutating func letters() -> String {
        var text = ""
        while let scalar = peek, (0x41...0x5A).contains(scalar) || (0x61...0x7A).contains(scalar) {
            text.unicodeScalars.append(Unicode.Scalar(scalar | 0x20)!)
            index += 1
        }
        return text
    }

    mutating func skipSpaces() {
        while let scalar = peek, ArabicScalar.isSpace(scalar) { index += 1 }
    }
}

extension ArabicDateParser {
    private static let englishMonths = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december",
    ]
    private static let englishDays = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]
    /// RFC 2822 zone names (section 4.3) and `UTC`.
    private static let namedZones: [String: Int] = [
        "z": 0, "ut": 0, "utc": 0, "gmt": 0, "est": -300, "edt": -240, "cst": -360, "cdt": -300,
        "mst": -420, "mdt": -360, "pst": -480, "pdt": -420,
    ]
    // Arrays and a switch, not a `Set<UInt32>` or `[UInt32: Int]`: the first hashed collection of a
    // key type costs a process a protocol-conformance scan of the whole binary (see TextDateScanner).
    private static let dateSeparators: [UInt32] = [0x2D, 0x2F, 0x2E]
    private static let fractionMarks: [UInt32] = [0x2E, 0x2C]
    private static func sign(_ scalar: UInt32) -> Int? {
        switch scalar {
        case 0x2B: 1
        case 0x2D, 0x2212: -1
        default: nil
        }
    }
    private static let colon: UInt32 = 0x3A

    /// `Mar`, `march`, `Sept`: an English name of at least three letters that starts a full name.
    private static func index(ofName word: String, in names: [String]) -> Int? {
        guard word.count >= 3 else { return nil }
        return names.firstIndex { $0.hasPrefix(word) }
    }

    private static func parseISO(_ cursor: inout MachineCursor) -> ArabicDate? {
        guard let first = cursor.digits() else { return nil }
        var date: ArabicDate?
        if first.count == 8 {
            date = gregorian(year: first.value / 10000, month: first.value / 100 % 100, day: first.value % 100)
        } else if first.count == 4 {
            var month: Int?
            var day: Int?
            if let separator = cursor.take(anyOf: dateSeparators) {
                guard let digits = cursor.digits(), digits.count <= 2 else { return nil }
                month = digits.value
                if cursor.take(separator) {
                    guard let digits = cursor.digits(), digits.count <= 2 else { return nil }
                    day = digits.value
                }
            }
            date = gregorian(year: first.value, month: month, day: day)
        }
        guard var date else { return nil }
        cursor.skipSpaces()
        if cursor.atEnd { return date }
        guard date.day != nil else { return nil }
        _ = cursor.take(0x54) || cursor.take(0x74)
        cursor.skipSpaces()
        guard let clock = cursor.digits() else { return nil }
        var hour = clock.value
        var minute = 0
        var second: Int?
        switch clock.count {
        case 1, 2:
            guard cursor.take(colon), let minutes = cursor.digits(), minutes.count == 2 else { return nil }
            minute = minutes.value
            if cursor.take(colon) {
                guard let seconds = cursor.digits(), seconds.count == 2 else { return nil }
                second = seconds.value
            }
        case 4:
            (hour, minute) = (clock.value / 100, clock.value % 100)
        case 6:
            (hour, minute, second) = (clock.value / 10000, clock.value / 100 % 100, clock.value % 100)
        default:
            return nil
        }
        if second != nil, cursor.take(anyOf: fractionMarks) != nil {
            guard cursor.digits() != nil else { return nil }
        }
        guard (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second ?? 0) else { return nil }
        cursor.skipSpaces()
        var offset: Int?
        if !cursor.atEnd {
            guard let zone = zone(&cursor) else { return nil }
            offset = zone
        }
        cursor.skipSpaces()
        guard cursor.atEnd else { return nil }
        date.hour = hour
        date.minute = minute
        date.second = second
        date.utcOffsetMinutes = offset
        return date
    }

    /// `Z`, `+03:00`, `+0300`, `+03`, `GMT`, `UTC+3`, `EST`: minutes east of UTC.
    private static func zone(_ cursor: inout MachineCursor) -> Int? {
        var base = 0
        if let letter = cursor.peek, (0x41...0x5A).contains(letter) || (0x61...0x7A).contains(letter) {
            guard let named = namedZones[cursor.letters()] else { return nil }
            base = named
            cursor.skipSpaces()
            if cursor.atEnd { return base }
        }
        guard let sign = cursor.peek.flatMap({ sign($0) }) else { return nil }
        cursor.index += 1
        guard let hours = cursor.digits() else { return nil }
        var minutes: Int
        switch hours.count {
        case 1, 2:
            minutes = hours.value * 60
            if cursor.take(colon) {
                guard let extra = cursor.digits(), extra.count == 2, extra.value < 60 else { return nil }
                minutes += extra.value
            }
            guard hours.value <= 14 else { return nil }
        case 4:
            guard hours.value / 100 <= 14, hours.value % 100 < 60 else { return nil }
            minutes = hours.value / 100 * 60 + hours.value % 100
        default:
            return nil
        }
        return base + sign * minutes
    }

    /// `Tue, 17 Mar 2020 10:30:00 +0200`, also without the weekday, time or zone, and `March 17, 2020`.
    private static func parseRFC2822(_ scalars: [UInt32]) -> ArabicDate? {
        var cursor = MachineCursor(scalars: scalars)
        func skipGaps() {
            while let scalar = cursor.peek, ArabicScalar.isSpace(scalar) || scalar == 0x2C { cursor.index += 1 }
        }
        skipGaps()
        var word = cursor.letters()
        if index(ofName: word, in: englishDays) != nil {
            skipGaps()
            word = cursor.letters()
        }
        let day: Int
        let month: Int
        if word.isEmpty {
            guard let digits = cursor.digits(), digits.count <= 2 else { return nil }
            day = digits.value
            skipGaps()
            _ = cursor.take(0x2D)
            guard let named = index(ofName: cursor.letters(), in: englishMonths) else { return nil }
            month = named + 1
            _ = cursor.take(0x2D)
        } else {
            guard let named = index(ofName: word, in: englishMonths) else { return nil }
            month = named + 1
            skipGaps()
            guard let digits = cursor.digits(), digits.count <= 2 else { return nil }
            day = digits.value
        }
        skipGaps()
        guard let yearDigits = cursor.digits(), yearDigits.count == 4 || yearDigits.count == 2 else { return nil }
        // RFC 2822 §4.3: two-digit years below 50 are 20xx.
        let year =
            yearDigits.count == 4 ? yearDigits.value : yearDigits.value + (yearDigits.value < 50 ? 2000 : 1900)
        guard var date = gregorian(year: year, month: month, day: day) else { return nil }
        skipGaps()
        if cursor.atEnd { return date }
        guard let hour = cursor.digits(), hour.count <= 2, cursor.take(colon), let minute = cursor.digits(),
            minute.count == 2
        else { return nil }
        var second: Int?
        if cursor.take(colon) {
            guard let seconds = cursor.digits(), seconds.count == 2 else { return nil }
            second = seconds.value
        }
        guard (0...23).contains(hour.value), (0...59).contains(minute.value), (0...59).contains(second ?? 0)
        else { return nil }
        date.hour = hour.value
        date.minute = minute.value
        date.second = second
        cursor.skipSpaces()
        // `10:30 AM`, which English-locale CMS date fields print.
        let beforeMeridiem = cursor.index
        switch cursor.letters() {
        case "am": if hour.value == 12 { date.hour = 0 }
        case "pm": if hour.value < 12 { date.hour = hour.value + 12 }
        default: cursor.index = beforeMeridiem
        }
        cursor.skipSpaces()
        if !cursor.atEnd {
            guard let offset = zone(&cursor) else { return nil }
            date.utcOffsetMinutes = offset
            cursor.skipSpaces()
            // A trailing comment names the zone again: `+0000 (UTC)`.
            if cursor.take(0x28) {
                while let scalar = cursor.peek, scalar != 0x29 { cursor.index += 1 }
                _ = cursor.take(0x29)
                cursor.skipSpaces()
            }
            guard cursor.atEnd else { return nil }
        }
        return date
    }
}

extension ArabicDateParser {
    /// A machine-readable date from JSON-LD, meta tags or `<time datetime>`, at the precision given.
    ///
    /// ISO 8601 in its common forms (`2020-03-17`, `2020-03`, `2020`, `20200317`,
    /// `2020-03-17T10:30:00+02:00`, `2020-03-17T10:30:00.000Z`, `2020-03-17 10:30:00`,
    /// `2020-03-17T10:30+0300`) and RFC 2822 (`Tue, 17 Mar 2020 10:30:00 +0200`). MySQL's
    /// `0000-00-00` and anything outside 1900...2100 give nil.
    static func parseMachine(_ value: String) -> ArabicDate? {
        let scalars = value.unicodeScalars.map(\.value).filter {
            !ArabicScalar.isInvisibleJunk($0) && !isBidiMark($0)
        }
        var cursor = MachineCursor(scalars: scalars)
        cursor.skipSpaces()
        guard let first = cursor.peek else { return nil }
        if ArabicScalar.isDigit(first), let date = parseISO(&cursor) { return date }
        return parseRFC2822(scalars)
    }
}
