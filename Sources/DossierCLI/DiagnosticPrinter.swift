import DossierCore
import Foundation

/// Writes diagnostics the way compilers do, one per line (`path:line:col: severity: …`),
/// sorted, so editors and CI annotate them.
enum DiagnosticPrinter {
    static func printToStandardError(_ diagnostics: [Diagnostic], includeNotes: Bool = false) {
        var text = ""
        for diagnostic in diagnostics.sorted() where includeNotes || diagnostic.severity != .note {
            text += diagnostic.description + "\n"
        }
        FileHandle.standardError.write(Data(text.utf8))
    }
}
