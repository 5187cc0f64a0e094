/// What was wrong with a saved-page container that still held a page (DESIGN.md "Containers").
enum ContainerDiagnostic {
    static func truncated(_ message: String) -> Diagnostic {
        Diagnostic(.warning, .containerTruncated, message)
    }

    static func corrupt(_ message: String) -> Diagnostic {
        Diagnostic(.warning, .containerCorrupt, message)
    }

    static func boundary(named: String?, found: String) -> Diagnostic {
        Diagnostic(.warning, .containerBoundary, named.map {
            "the MHTML header names the boundary \"\($0)\" but the parts are divided by \"\(found)\"; they were read by that"
        } ?? "the MHTML header names no boundary; the parts were read by the first delimiter line, \"\(found)\"")
    }
}
