import DossierCore
import Foundation

/// Watches a handbook by listing its sources at an interval and comparing each file's
/// modification time, size and identity with the previous listing.
///
/// The fallback where inotify is not there (other systems) or cannot be set up. It costs
/// a walk of the sources per interval and notices a change up to one interval late; the
/// interval also serves as the debounce, since a burst of writes lands in one listing.
final class PollingWatcher: FileWatcher, @unchecked Sendable {
    static let defaultInterval = Duration.milliseconds(250)

    let batches: AsyncStream<ChangeBatch>
    private let task: Locked<Task<Void, Never>?> = Locked(nil)

    /// What a listing records for each file or folder.
    struct Stamp: Equatable {
        var modified: Date?
        var size: Int64
        var identity: UInt64
        var isFolder: Bool
    }

    init(root: URL, interval: Duration = defaultInterval) {
        let (stream, continuation) = AsyncStream.makeStream(of: ChangeBatch.self)
        batches = stream
        let root = root.standardizedFileURL.path
        let poller = Task.detached {
            var previous = Self.listing(root: root)
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                let current = Self.listing(root: root)
                let changed = Self.differences(previous, current)
                if !changed.isEmpty { continuation.yield(ChangeBatch(paths: changed, noticed: .now)) }
                previous = current
            }
            continuation.finish()
        }
        task.withLock { $0 = poller }
        continuation.onTermination = { [weak self] _ in self?.stop() }
    }

    func stop() {
        task.withLock { $0?.cancel() }
    }

    /// Every watched file and folder with its stamp, by path relative to the root.
    static func listing(root: String) -> [String: Stamp] {
        var result: [String: Stamp] = [:]
        let fm = FileManager.default
        for name in WatchScope.files + WatchScope.folders {
            guard let stamp = stampOf(root + "/" + name) else { continue }
            result[name] = stamp
            guard stamp.isFolder, let enumerator = fm.enumerator(atPath: root + "/" + name) else { continue }
            for case let relative as String in enumerator {
                let path = name + "/" + relative
                guard WatchScope.matters(path) else {
                    if relative.split(separator: "/").last?.hasPrefix(".") == true { enumerator.skipDescendants() }
                    continue
                }
                if let stamp = stampOf(root + "/" + path) { result[path] = stamp }
            }
        }
        return result
    }

    static func stampOf(_ path: String) -> Stamp? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return nil }
        return Stamp(modified: attributes[.modificationDate] as? Date,
                     size: (attributes[.size] as? NSNumber)?.int64Value ?? 0,
                     identity: (attributes[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0,
                     isFolder: attributes[.type] as? FileAttributeType == .typeDirectory)
    }

    /// Paths added, removed or changed between two listings.
    static func differences(_ old: [String: Stamp], _ new: [String: Stamp]) -> Set<String> {
        var changed: Set<String> = []
        for (path, stamp) in new where old[path] != stamp { changed.insert(path) }
        for path in old.keys where new[path] == nil { changed.insert(path) }
        return changed
    }
}
