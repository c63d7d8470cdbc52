/// What a content file is, decided by where it lives under `content/`.
public enum DocumentKind: String, Sendable, Codable, CaseIterable {
    /// `content/profiles/**.md`: one agent's or specialist's expertise profile.
    case profile
    /// `content/patterns/**.md`: a standalone pattern document.
    case pattern
    /// Any other `content/**.md`: a plain page.
    case page
}
