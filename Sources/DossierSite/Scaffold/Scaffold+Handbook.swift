import Foundation

extension Scaffold {
    /// Checks that `root` holds a handbook (a `content/` folder or a `dossier.yml`), as
    /// `dossier new` requires.
    public static func checkHandbook(at root: URL) throws(ScaffoldError) {
        let root = root.standardizedFileURL
        if FileKind(root.appendingPathComponent("content").path) == .folder
            || FileKind(root.appendingPathComponent("dossier.yml").path) == .file { return }
        let why = FileKind(root.path) == nil ? "the folder does not exist" : "it has no content/ folder and no dossier.yml"
        throw ScaffoldError(.notAHandbook,
                            "not a Dossier handbook (\(why)); create one with `dossier init`, or point --root at one",
                            path: root.path)
    }
}
