/// A date the page states, kept with the words it was written in and where it was found.
public struct DateRecord: Sendable, Equatable, Codable {
    /// `published` or `modified`.
    public var role: String
    /// ISO 8601 with only the precision the source gives; `nil` when the text cannot be resolved
    /// (a relative date on a page that carries no save time).
    public var value: String?
    /// The date as the page wrote it.
    public var text: String
    /// `json-ld`, `meta`, `time` (a `<time>` or dated element) or `text` (visible words).
    public var from: String
    /// `gregorian`, or `hijri` / `persian` when the page wrote a Hijri / Solar Hijri date and `value` is its
    /// Gregorian conversion.
    public var calendar: String
    /// True for relative dates ("منذ ساعتين", "أمس") resolved against the page's save time.
    public var approximate: Bool

    public init(role: String, value: String?, text: String, from: String, calendar: String = "gregorian",
                approximate: Bool = false) {
        self.role = role
        self.value = value
        self.text = text
        self.from = from
        self.calendar = calendar
        self.approximate = approximate
    }
}
