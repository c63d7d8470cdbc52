import DossierCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The site's output folder, replaced as a whole only when a build succeeds.
///
/// A build writes into a staging folder beside the output (same file system, so the final
/// move is a rename) and swaps it in at the end; a failed or killed build leaves the previous
/// site untouched. Dossier only ever replaces a folder that is empty or holds its marker
/// file, so a mistyped `--output` cannot delete anyone's files.
public struct OutputFolder: Sendable {
    /// Written into every folder Dossier builds; its presence is Dossier's permission to
    /// replace the folder.
    public static let markerName = ".dossier-site"
    static let markerContents = "This folder was built by Dossier (\(DossierVersion.name)); `dossier build` replaces it.\n"

    public let output: URL
    public let staging: URL

    public enum Failure: Error, CustomStringConvertible {
        case notAFolder(URL)
        case notOurs(URL)
        case io(String)

        public var description: String {
            switch self {
            case .notAFolder(let url):
                "output ‘\(url.path)’ exists and is not a folder; choose another --output"
            case .notOurs(let url):
                "refusing to replace ‘\(url.path)’: it is not empty and was not built by Dossier (no \(OutputFolder.markerName) file). Choose an empty or new folder with --output, or delete this one yourself if it is really meant to be replaced."
            case .io(let message):
                message
            }
        }
    }

    /// Whether `output` is a folder a previous build made (it holds the marker), which a
    /// build may then update in place.
    public static func isBuilt(_ output: URL) -> Bool {
        FileManager.default.fileExists(atPath: output.appendingPathComponent(markerName).path)
    }

    /// A fresh folder beside `output` for the files a build that updates `output` in place
    /// writes before they are moved in (same file system, so the moves are renames). Like a
    /// staging folder it carries the marker, so a killed build's one is removed by the next.
    public static func pendingFolder(for output: URL) throws(Failure) -> URL {
        let output = output.standardizedFileURL
        removeLeftovers(of: output)
        let pending = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).dossier-pending-\(getpid())")
        do {
            try FileManager.default.createDirectory(at: pending, withIntermediateDirectories: false)
            try Data(markerContents.utf8).write(to: pending.appendingPathComponent(markerName))
        } catch {
            throw .io("cannot create ‘\(pending.path)’: \(error.localizedDescription)")
        }
        return pending
    }

    /// Checks that `output` may be replaced and creates a fresh staging folder for it.
    public static func prepare(_ output: URL) throws(Failure) -> OutputFolder {
        let output = output.standardizedFileURL
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: output.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw .notAFolder(output) }
            let contents = (try? fm.contentsOfDirectory(atPath: output.path)) ?? []
            if !contents.isEmpty && !contents.contains(markerName) { throw .notOurs(output) }
        }
        let parent = output.deletingLastPathComponent()
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw .io("cannot create ‘\(parent.path)’: \(error.localizedDescription)")
        }
        removeLeftovers(of: output)
        let staging = parent.appendingPathComponent(".\(output.lastPathComponent).dossier-new-\(getpid())")
        try? fm.removeItem(at: staging)
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: false)
            try Data(markerContents.utf8).write(to: staging.appendingPathComponent(markerName))
        } catch {
            throw .io("cannot create the staging folder ‘\(staging.path)’: \(error.localizedDescription)")
        }
        return OutputFolder(output: output, staging: staging)
    }

    /// Puts the staging folder in the output's place: an atomic exchange where the kernel
    /// offers one, else two renames (a crash between them leaves the old site in a
    /// `.dossier-old-*` folder beside the output).
    public func commit() throws(Failure) {
        let fm = FileManager.default
        if fm.fileExists(atPath: output.path) {
            if Self.exchange(staging.path, output.path) {
                try? fm.removeItem(at: staging)  // now holds the previous site
                return
            }
            let old = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).dossier-old-\(getpid())")
            try? fm.removeItem(at: old)
            guard rename(output.path, old.path) == 0 else { throw .io("cannot move the old site aside: \(String(cString: strerror(errno)))") }
            guard rename(staging.path, output.path) == 0 else {
                let message = String(cString: strerror(errno))
                _ = rename(old.path, output.path)
                throw .io("cannot move the new site into place: \(message)")
            }
            try? fm.removeItem(at: old)
        } else {
            guard rename(staging.path, output.path) == 0 else { throw .io("cannot move the new site into place: \(String(cString: strerror(errno)))") }
        }
    }

    /// Deletes the staging folder after a build that will not be committed.
    public func discard() {
        try? FileManager.default.removeItem(at: staging)
    }

    /// Staging and old folders left by killed builds (they carry the marker, so they are ours).
    static func removeLeftovers(of output: URL) {
        let fm = FileManager.default
        let parent = output.deletingLastPathComponent()
        let prefix = ".\(output.lastPathComponent).dossier-"
        for name in (try? fm.contentsOfDirectory(atPath: parent.path)) ?? [] where name.hasPrefix(prefix) {
            let url = parent.appendingPathComponent(name)
            if fm.fileExists(atPath: url.appendingPathComponent(markerName).path) {
                try? fm.removeItem(at: url)
            }
        }
    }

    /// `renameat2(RENAME_EXCHANGE)` swaps two paths atomically on Linux ≥ 3.15. Swift's
    /// Glibc module does not declare it, so it is looked up at run time; `false` when the
    /// function or the file system does not support it.
    static func exchange(_ a: String, _ b: String) -> Bool {
        #if os(Linux)
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let renameExchange: UInt32 = 2
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0
        #else
        return false
        #endif
    }
}
