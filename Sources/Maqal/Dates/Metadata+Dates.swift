extension Metadata {
    /// Takes a date written in the text as `published` (or `modified`) unless a better source
    /// already gave one, and records where it came from.
    mutating func take(_ date: ArabicDate, text: String, role: DateRecord.Role, from: DateRecord.Origin = .text, approximate: Bool = false) {
        let current = role == .published ? published : modified
        guard current == nil else { return }
        if role == .published { published = date.iso } else { modified = date.iso }
        dates.append(DateRecord(role: role, value: date.iso, text: text, from: from, calendar: date.calendar,
                                approximate: approximate))
    }

    /// Keeps a relative date (`منذ ساعتين`, `أمس`) that nothing can place: the text has no time it
    /// was saved at, so the record holds the words and no value — never an invented day.
    mutating func takeUnplaced(relative text: String, role: DateRecord.Role) {
        guard !dates.contains(where: { $0.role == role }) else { return }
        dates.append(DateRecord(role: role, value: nil, text: text, from: .text, approximate: true))
    }
}
