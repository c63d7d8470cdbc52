import Foundation

extension Scaffold {
    /// Writes every file under `root` (created if missing), or none.
    ///
    /// Every target is checked first: if any exists, or a folder on its way is a file,
    /// nothing is written and the error names each of them. Each file is written to a hidden
    /// temporary file beside it and linked into place, which fails rather than replaces
    /// when a file appeared there meanwhile; a failure part-way removes what this call wrote.
    /// A file that `addsMissingLines` (`.gitignore`) and exists is no conflict: the lines it
    /// lacks are added to it, and a failure puts it back as it was.
    ///
    /// - Returns: the paths written or added to, relative to `root`, in order.
    @discardableResult
    public func write(to root: URL) throws(ScaffoldError) -> [String] {
        let root = root.standardizedFileURL
        let conflicts = self.conflicts(in: root)
        if !conflicts.isEmpty { throw ScaffoldError(problems: conflicts) }

        var transaction = ScaffoldTransaction(root: root)
        var written: [String] = []
        do throws(ScaffoldError) {
            try transaction.createFolder(root)
            for file in files {
                let target = root.appendingPathComponent(file.path)
                if file.addsMissingLines, FileKind.isRegularFile(target.path) {
                    guard let existing = FileManager.default.contents(atPath: target.path) else {
                        throw ScaffoldError(.writeFailed, "cannot read the file to add to it", path: file.path)
                    }
                    guard let merged = file.adding(to: Array(existing)) else { continue }
                    try transaction.replace(file.path, with: merged, original: Array(existing))
                } else {
                    try transaction.create(file)
                }
                written.append(file.path)
            }
        } catch {
            transaction.rollBack()
            throw error
        }
        return written
    }

    /// The targets in the way, in file order: existing files, and files where a folder
    /// must go.
    func conflicts(in root: URL) -> [ScaffoldError.Problem] {
        var problems: [ScaffoldError.Problem] = []
        var reported = Set<String>()
        if let kind = FileKind(root.path), kind != .folder {
            return [ScaffoldError.Problem(code: .notAFolder, path: root.path, message: "is a file, not a folder: choose another folder for the handbook")]
        }
        for file in files {
            let components = file.path.split(separator: "/").map(String.init)
            var blocked = false
            for depth in 1..<max(1, components.count) {
                let folder = components[..<depth].joined(separator: "/")
                guard let kind = FileKind(root.appendingPathComponent(folder).path), kind != .folder else { continue }
                if reported.insert(folder).inserted {
                    problems.append(.init(code: .notAFolder, path: folder, message: "is a file, but Dossier needs a folder there to write \(file.path)"))
                }
                blocked = true
                break
            }
            guard !blocked, let kind = FileKind(root.appendingPathComponent(file.path).path) else { continue }
            if file.addsMissingLines && FileKind.isRegularFile(root.appendingPathComponent(file.path).path) { continue }
            let what = kind == .folder ? "a folder of that name already exists" : "the file already exists"
            problems.append(.init(code: .exists, path: file.path, message: "refusing to overwrite: \(what)"))
        }
        return problems
    }
}
