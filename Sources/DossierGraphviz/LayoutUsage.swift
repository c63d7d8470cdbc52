import DossierCore

/// Records which layouts are drawn while it is the current task's collector, so a build cache
/// knows which stored layouts each page depends on and can delete the rest.
///
/// A task-local rather than a parameter: diagrams are drawn deep inside page rendering, and
/// threading a collector through every renderer would tie them all to caching.
public final class LayoutUsage: Sendable {
    @TaskLocal public static var current: LayoutUsage?

    private let keys = Locked(Set<String>())

    public init() {}

    /// The store keys of the layouts drawn, sorted.
    public var recorded: [String] {
        keys.withLock { $0.sorted() }
    }

    func record(_ key: String) {
        keys.withLock { _ = $0.insert(key) }
    }
}
