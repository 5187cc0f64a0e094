/// The words Arabic dates are written with: Gregorian and Hijri month names, day names, era
/// suffixes, AM/PM words and the few joining words between them (ARABIC.md §5).
///
/// Entries are written as sites write them; ``ArabicDateParser`` compares ``ArabicKey`` keys built
/// once from these tables, so hamza, alef maqsura, teh marbuta, Farsi yeh and tatweel variants of an
/// entry (أبريل / ابريل / إبريل, جمادى / جمادي, دیسمبر) all match it.
enum ArabicMonthNames {
    /// A month name's calendar and number (1 = January, Muharram or Farvardin).
    struct Month: Sendable, Equatable {
        let calendar: ArabicDate.Calendar
        let number: Int
    }

    // MARK: - Gregorian months (ARABIC.md §5.1), one row per month, January first

    /// Egypt, the Gulf, Sudan, Yemen and most pan-Arab outlets: names taken from English.
    static let egyptianGulf: [[String]] = [
        ["يناير"], ["فبراير"], ["مارس"], ["أبريل", "ابريل", "إبريل"], ["مايو"], ["يونيو", "يونيه"],
        ["يوليو", "يوليه"], ["أغسطس", "اغسطس"], ["سبتمبر"], ["أكتوبر", "اكتوبر"], ["نوفمبر"], ["ديسمبر"],
    ]

    /// Syria, Lebanon, Jordan, Palestine and Iraq: the Syriac names. `تشرين أول` and `كانون ثاني`
    /// without the article are how Syrian and Iraqi sites often write them [knowledge].
    static let levantine: [[String]] = [
        ["كانون الثاني", "كانون ثاني"], ["شباط"], ["آذار", "اذار"], ["نيسان"], ["أيار", "ايار"],
        ["حزيران"], ["تموز"], ["آب", "اب"], ["أيلول", "ايلول"], ["تشرين الأول", "تشرين الاول", "تشرين أول"],
        ["تشرين الثاني", "تشرين ثاني"], ["كانون الأول", "كانون الاول", "كانون أول"],
    ]

    /// Algeria and Tunisia: names taken from French.
    static let algerianTunisian: [[String]] = [
        ["جانفي"], ["فيفري"], ["مارس"], ["أفريل", "افريل"], ["ماي"], ["جوان"], ["جويلية", "جويليه"],
        ["أوت", "اوت"], ["سبتمبر"], ["أكتوبر"], ["نوفمبر"], ["ديسمبر"],
    ]

    /// Morocco: French-derived names in their Moroccan spelling.
    static let moroccan: [[String]] = [
        ["يناير"], ["فبراير"], ["مارس"], ["أبريل"], ["ماي"], ["يونيو"], ["يوليوز"], ["غشت"], ["شتنبر"],
        ["أكتوبر"], ["نونبر"], ["دجنبر"],
    ]

    /// Urdu (Pakistan, India): the English names in Urdu spelling; `مئی` is May, `جولائی` July.
    static let urdu: [[String]] = [
        ["جنوری"], ["فروری"], ["مارچ"], ["اپریل"], ["مئی"], ["جون"], ["جولائی"], ["اگست"], ["ستمبر"],
        ["اکتوبر"], ["نومبر"], ["دسمبر"],
    ]

    /// Persian pages that write Gregorian dates (Iranian news on foreign events, Afghan sites):
    /// the French-derived names.
    static let persianGregorian: [[String]] = [
        ["ژانویه"], ["فوریه"], ["مارس"], ["آوریل"], ["مه"], ["ژوئن"], ["ژوئیه", "جولای"], ["اوت", "آگوست"],
        ["سپتامبر"], ["اکتبر"], ["نوامبر"], ["دسامبر"],
    ]

    // MARK: - Hijri months (ARABIC.md §5.2), Muharram first

    /// Saudi and Gulf official dates, religious pages, and dual dates everywhere. `ذي` is the
    /// genitive after a day number; `ربيع أول`, `جمادى أولى` without the article are Saudi
    /// newspaper forms [knowledge]; `ذوالحجة` written as one word is a common typo.
    static let hijri: [[String]] = [
        ["محرم", "المحرم", "المحرّم"],
        ["صفر"],
        ["ربيع الأول", "ربيع الاول", "ربيع أول"],
        ["ربيع الآخر", "ربيع الثاني", "ربيع آخر", "ربيع ثاني"],
        ["جمادى الأولى", "جمادى الأول", "جمادي الأولى", "جمادى أولى"],
        ["جمادى الآخرة", "جمادى الثانية", "جمادي الآخرة", "جمادى آخرة", "جمادى ثانية"],
        ["رجب"],
        ["شعبان"],
        ["رمضان"],
        ["شوال"],
        ["ذو القعدة", "ذي القعدة", "ذوالقعدة"],
        ["ذو الحجة", "ذي الحجة", "ذوالحجة"],
    ]

    // MARK: - Words around dates (ARABIC.md §5.2, §5.3)

    /// Day names, Sunday first; `الأثنين` is a common typo.
    static let dayNames: [[String]] = [
        ["الأحد"], ["الاثنين", "الإثنين", "الأثنين"], ["الثلاثاء"], ["الأربعاء"], ["الخميس"],
        ["الجمعة"], ["السبت"],
    ]

    /// Urdu and Persian day names, which bylines on Urdu and Persian pages write before the date
    /// (`اتوار 12 مئی 2024`, `یکشنبه ۲۳ اردیبهشت`).
    static let otherDayNames: [String] = [
        "اتوار", "پیر", "منگل", "بدھ", "جمعرات", "جمعہ", "ہفتہ",
        "یکشنبه", "دوشنبه", "سه‌شنبه", "چهارشنبه", "پنجشنبه", "پنج‌شنبه", "جمعه", "شنبه",
    ]

    /// The word before a day name: `يوم الثلاثاء`.
    static let dayWord = "يوم"

    /// Era suffixes after a year. `هـ` is heh + tatweel and keys to `ه`; `م` after a year is the era,
    /// never PM. `للهجرة` / `للميلاد` close years in running prose.
    static let hijriEra = ["هـ", "ه", "هجري", "هجرية", "للهجرة", "AH"]
    static let gregorianEra = ["م", "ميلادي", "ميلادية", "للميلاد"]

    /// Words after `hh:mm`: `10:30 ص`, `٥:١٥ م`, `10:30 صباحاً`, `9:00 من مساء`.
    static let morningWords = ["ص", "صباحاً", "صباحا", "صباح", "AM"]
    static let eveningWords = ["م", "مساءً", "مساءا", "مساء", "PM"]
    /// The word that may come between the time and `صباح` / `مساء`: `9:00 من مساء`.
    static let meridiemLeaders = ["من"]

    /// Words between a day number and the month: `12 من شهر مارس`.
    static let dayMonthJoiners = ["من", "شهر"]
    /// Words between the month and the year: `مارس من عام 2024`, `مارس سنة 2024`.
    static let monthYearJoiners = ["من", "عام", "العام", "سنة", "لعام", "لسنة"]
    /// Words between a date and its time: `12 مارس 2024 الساعة 10:30`, `… في تمام 10:30`, and the
    /// Persian `ساعت` of Iranian date lines (`۱۴ فروردین ۱۴۰۲ ساعت ۱۰:۳۰`).
    static let timeLeaders = ["الساعة", "الساعه", "في", "على", "عند", "تمام", "T", "ساعت"]

    /// The word that opens a time zone (`بتوقيت مكة المكرمة`) and the zones with a fixed offset in
    /// minutes. Zones with summer time (Cairo, Jerusalem, Beirut) are left out: their offset depends
    /// on the date.
    static let zoneWords = ["بتوقيت", "توقيت"]
    static let fixedZones: [(name: String, minutes: Int)] = [
        ("غرينتش", 0), ("جرينتش", 0), ("غرينيتش", 0), ("جرينيتش", 0), ("GMT", 0), ("UTC", 0),
        ("مكة المكرمة", 180), ("مكة", 180), ("السعودية", 180), ("الرياض", 180), ("الدوحة", 180),
        ("الكويت", 180), ("بغداد", 180), ("أبوظبي", 240), ("الإمارات", 240), ("دبي", 240), ("مسقط", 240),
    ]

    // MARK: - Keys

    /// Every month spelling, as a key (two-word names joined by one space), to its month; the Solar
    /// Hijri months of ``PersianDate`` too.
    static let monthsByKey: [String: Month] = {
        // Sized once: the table is built in a process's first page, and growing it rehashed every key.
        var table: [String: Month] = Dictionary(minimumCapacity: 160)
        let gregorian = [egyptianGulf, levantine, algerianTunisian, moroccan, urdu, persianGregorian]
        for system in gregorian {
            for (index, spellings) in system.enumerated() {
                for spelling in spellings {
                    table[ArabicKey.make(spelling)] = Month(calendar: .gregorian, number: index + 1)
                }
            }
        }
        for (index, spellings) in hijri.enumerated() {
            for spelling in spellings {
                table[ArabicKey.make(spelling)] = Month(calendar: .hijri, number: index + 1)
            }
        }
        table.merge(PersianDate.monthsByKey) { arabic, _ in arabic }
        return table
    }()

    static let dayNameKeys: Set<String> = Set((dayNames.joined() + otherDayNames).map(ArabicKey.make))
    static let dayWordKey = ArabicKey.make(dayWord)

    static let eraByKey: [String: ArabicDate.Calendar] = {
        var table: [String: ArabicDate.Calendar] = [:]
        for word in hijriEra { table[ArabicKey.make(word)] = .hijri }
        for word in gregorianEra { table[ArabicKey.make(word)] = .gregorian }
        return table
    }()

    /// AM/PM word keys to "is after noon".
    static let meridiemByKey: [String: Bool] = {
        var table: [String: Bool] = [:]
        for word in morningWords { table[ArabicKey.make(word)] = false }
        for word in eveningWords { table[ArabicKey.make(word)] = true }
        return table
    }()

    static let meridiemLeaderKeys: Set<String> = Set(meridiemLeaders.map(ArabicKey.make))
    static let dayMonthJoinerKeys: Set<String> = Set(dayMonthJoiners.map(ArabicKey.make))
    static let monthYearJoinerKeys: Set<String> = Set(monthYearJoiners.map(ArabicKey.make))
    static let timeLeaderKeys: Set<String> = Set(timeLeaders.map(ArabicKey.make))
    static let zoneWordKeys: Set<String> = Set(zoneWords.map(ArabicKey.make))
    static let fixedZoneByKey: [String: Int] = Dictionary(
        fixedZones.map { (ArabicKey.make($0.name), $0.minutes) }, uniquingKeysWith: { first, _ in first })
}
