/// What one page needs from a diagram's SVG beyond the diagram itself. None of it changes
/// the layout, so a diagram drawn with different options is still laid out once.
public struct DrawingOptions: Hashable, Sendable {
    /// Starts every id in the SVG (`<prefix>-title`, `<prefix>-desc`); must be unique per
    /// diagram on a page. Characters other than ASCII letters, digits, `-` and `_` become `-`.
    public var idPrefix: String
    /// The diagram's accessible name, its `<title>`: "Pattern 1: serverless API".
    public var title: String
    /// Node id → URL. Those nodes become links (for example to the service's entry on the
    /// profile page). `javascript:`, `data:` and `vbscript:` URLs are ignored.
    public var links: [String: String]
    /// Node id → tier, drawn as a `dg-tier-…` class.
    public var tiers: [String: Tier]
    /// Puts `DiagramSVG.stylesheet` in a `<style>` element inside the SVG, for a file used
    /// on its own; leave off for SVG inlined in a site page whose CSS already has it.
    public var embedsStylesheet: Bool

    public init(
        idPrefix: String, title: String, links: [String: String] = [:], tiers: [String: Tier] = [:],
        embedsStylesheet: Bool = false
    ) {
        self.idPrefix = idPrefix
        self.title = title
        self.links = links
        self.tiers = tiers
        self.embedsStylesheet = embedsStylesheet
    }
}

extension DrawingOptions {
    /// How strong a profile is in the service a node stands for; the site tints nodes by
    /// tier (`dg-tier-primary` …) so a diagram shows where the expertise is. Nested so it
    /// cannot clash with a model type of the same name in files that import both modules.
    public enum Tier: String, Hashable, Sendable, CaseIterable, Codable {
        case primary, secondary, developing
    }
}

extension DrawingOptions {
    /// `idPrefix` made safe for an XML id and a CSS selector; never empty, starts with a letter.
    var safeIDPrefix: String {
        let cleaned = String(idPrefix.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_")
                ? Character(scalar) : "-"
        })
        guard let first = cleaned.unicodeScalars.first, first.properties.isAlphabetic else { return "dg-" + cleaned }
        return cleaned
    }

    /// The URL for `nodeID`, unless missing or of a scheme that runs code.
    func link(for nodeID: String) -> String? {
        guard let url = links[nodeID], !url.isEmpty else { return nil }
        let scheme = url.unicodeScalars.filter { $0.value > 0x20 }.prefix(12).map(Character.init)
        let lowered = String(scheme).lowercased()
        for unsafe in ["javascript:", "data:", "vbscript:"] where lowered.hasPrefix(unsafe) { return nil }
        return url
    }
}
