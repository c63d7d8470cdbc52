import DossierCore

/// What a build did, for the summary line and the exit status.
public struct BuildReport: Sendable {
    public var documents: Int
    public var pagesWritten: Int
    public var filesWritten: Int
    public var diagnostics: [Diagnostic]
    public var duration: Duration
    /// Whether the new site replaced the output folder.
    public var committed: Bool
    public var outputPath: String

    /// `12 documents → 15 pages in 84 ms · 2 warnings, 0 errors`
    public var summary: String {
        let ms = Int(duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000)
        let warnings = diagnostics.warningCount
        let errors = diagnostics.errorCount
        var text = "\(documents) document\(documents == 1 ? "" : "s") → \(pagesWritten) page\(pagesWritten == 1 ? "" : "s") in \(ms) ms"
        text += " · \(warnings) warning\(warnings == 1 ? "" : "s"), \(errors) error\(errors == 1 ? "" : "s")"
        text += committed ? " · site written to \(outputPath)" : " · nothing written"
        return text
    }
}
