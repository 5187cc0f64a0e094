/// Something odd about the input that did not stop parsing.
public struct Diagnostic: Sendable, Equatable, Codable {
    public enum Severity: String, Sendable, Codable {
        case info, warning, error
    }

    public var severity: Severity
    /// A stable identifier scripts can match on, e.g. `encoding.repaired`.
    public var id: String
    public var message: String

    public init(_ severity: Severity, _ id: String, _ message: String) {
        self.severity = severity
        self.id = id
        self.message = message
    }
}
