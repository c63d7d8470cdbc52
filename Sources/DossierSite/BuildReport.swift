import DossierCore

/// What a build did, for the summary line and the exit status.
public struct BuildReport: Sendable {
    public var documents: Int
    /// Pages the site has.
    public var pagesWritten: Int
    /// Pages rendered by this build; the others were kept from the last build (see the cache).
    public var pagesRendered: Int = 0
    public var filesWritten: Int
    public var diagnostics: [Diagnostic]
    public var duration: Duration
    /// Whether the new site replaced the output folder.
    public var committed: Bool
    public var outputPath: String
    /// Site paths written with new bytes or deleted, when the build updated an existing site
    /// in place; `nil` when the whole folder was replaced (anything may have changed).
    public var changedPaths: [String]?
    /// How long each stage took, in order (`read`, `documents`, `aggregates`, …), for
    /// `dossier build --timings`.
    public var phases: [(name: String, duration: Duration)] = []

    /// `12 documents → 15 pages (3 rendered, 12 unchanged) in 84 ms · 2 warnings, 0 errors`
    public var summary: String {
        let ms = Int(duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000)
        let warnings = diagnostics.warningCount
        let errors = diagnostics.errorCount
        var text = "\(documents) document\(documents == 1 ? "" : "s") → \(pagesWritten) page\(pagesWritten == 1 ? "" : "s")"
        if committed && pagesRendered < pagesWritten {
            text += " (\(pagesRendered) rendered, \(pagesWritten - pagesRendered) unchanged)"
        }
        text += " in \(ms) ms"
        text += " · \(warnings) warning\(warnings == 1 ? "" : "s"), \(errors) error\(errors == 1 ? "" : "s")"
        text += committed ? " · site written to \(outputPath)" : " · nothing written"
        return text
    }
}
