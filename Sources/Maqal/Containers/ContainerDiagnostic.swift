/// What was wrong with a saved-page container that still held a page (DESIGN.md "Containers").
enum ContainerDiagnostic {
    /// The container ends early: what it held up to the cut was read.
    static let truncatedID = "container.truncated"
    /// Part of the container could not be decoded; the rest was read.
    static let corruptID = "container.corrupt"
    /// An MHTML file whose header names no boundary, or one its parts do not use.
    static let boundaryID = "container.boundary"

    static func truncated(_ message: String) -> Diagnostic {
        Diagnostic(.warning, truncatedID, message)
    }

    static func corrupt(_ message: String) -> Diagnostic {
        Diagnostic(.warning, corruptID, message)
    }

    static func boundary(named: String?, found: String) -> Diagnostic {
        Diagnostic(.warning, boundaryID, named.map {
            "the MHTML header names the boundary \"\($0)\" but the parts are divided by \"\(found)\"; they were read by that"
        } ?? "the MHTML header names no boundary; the parts were read by the first delimiter line, \"\(found)\"")
    }
}
