import Foundation

/// Reads dates: ``find(in:)`` from running Arabic text (``TextDateScanner``), ``parseMachine(_:)`` from
/// metadata fields (MachineDate.swift), both through the calendar checks in CalendarConversion.swift.
enum ArabicDateParser {
    /// The best date written in running Arabic text (a date line, a byline line, a sentence), or nil.
    ///
    /// Reads day + month name + year in the four Gregorian naming systems and in Hijri, month + year
    /// (month precision), month + day + year (`مارس 12، 2024`, as Arabic WordPress themes print it),
    /// numeric `d/m/yyyy`, `d-m-yyyy`, `d.m.yyyy`, `yyyy/m/d`, `yyyy-mm-dd`, in any digit system, with an
    /// optional time before or after the date. When the text holds several dates, the most precise
    /// one wins, a Gregorian one over a Hijri one (Saudi dual dates), then the first. A year alone
    /// (`في عام 1995`, `1445هـ`) is a reference in prose, not the date of the text: nil.
    static func find(in text: String) -> ArabicDate? {
        guard text.unicodeScalars.contains(where: { ArabicScalar.isDigit($0.value) }) else { return nil }
        return TextDateScanner(text).best()
    }

    /// LRM, RLM, ALM and the embedding/isolate controls: CMS residue around dates (ARABIC.md §2.7).
    static func isBidiMark(_ value: UInt32) -> Bool {
        value == 0x200E || value == 0x200F || value == 0x061C || (0x202A...0x202E).contains(value)
            || (0x2066...0x2069).contains(value)
    }
}
