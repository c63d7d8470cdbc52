/// Source files that changed, gathered over a short quiet period so that one save (an
/// editor's write, rename and chmod) is one rebuild.
public struct ChangeBatch: Sendable, Equatable {
    /// Paths relative to the handbook root: `content/profiles/aws-expert.md`,
    /// `templates/base.mustache`, `dossier.yml`; a folder's path when a folder came or went.
    public var paths: Set<String>
    /// Changes were lost (the kernel's event queue overflowed), so anything may have changed.
    public var overflowed: Bool
    /// When the first of these changes was noticed: where the reload latency starts.
    public var noticed: ContinuousClock.Instant

    public init(paths: Set<String>, overflowed: Bool = false, noticed: ContinuousClock.Instant = .now) {
        self.paths = paths
        self.overflowed = overflowed
        self.noticed = noticed
    }

    /// Both batches as one, noticed when the earlier one was.
    public func merged(with other: ChangeBatch) -> ChangeBatch {
        ChangeBatch(paths: paths.union(other.paths), overflowed: overflowed || other.overflowed, noticed: min(noticed, other.noticed))
    }

    /// Whether the change reaches what every page is made with: the configuration or the
    /// templates (or, after an overflow, possibly anything).
    public var touchesEveryPage: Bool {
        overflowed || paths.contains { $0 == "dossier.yml" || $0 == "templates" || $0.hasPrefix("templates/") }
    }
}
