import DossierRender
import Testing

/// Relative links between the site's pages: every link Dossier writes goes through
/// `SitePaths.relative`, so a site works from any sub-path and from disk.
@Suite("Site paths")
struct SitePathsTests {
    @Test(arguments: [
        // From the home page.
        ("", "", "./"),
        ("", "profiles/", "profiles/"),
        ("", "profiles/aws-expert/", "profiles/aws-expert/"),
        ("", "data/dossier.json", "data/dossier.json"),
        ("", "#top", "./#top"),
        // Down, up and across.
        ("profiles/", "", "../"),
        ("profiles/aws-expert/", "", "../../"),
        ("profiles/aws-expert/", "profiles/", "../"),
        ("profiles/aws-expert/", "profiles/aws-expert/", "./"),
        ("profiles/aws-expert/", "profiles/aws-expert/#services", "./#services"),
        ("profiles/aws-expert/", "profiles/gcp-expert/", "../gcp-expert/"),
        ("profiles/aws-expert/", "profiles/gcp-expert/#tier-1", "../gcp-expert/#tier-1"),
        ("guides/queue-fan-out/", "profiles/aws-expert/#service-s3", "../../profiles/aws-expert/#service-s3"),
        ("patterns/", "guides/queue-fan-out/", "../guides/queue-fan-out/"),
        ("patterns/", "patterns/", "./"),
        ("patterns/", "patterns/queue.md", "queue.md"),
        ("guides/queue-fan-out/", "guides/queue-fan-out.md", "../queue-fan-out.md"),
        ("docs/runbooks/deep/", "docs/runbooks/", "../"),
        ("docs/runbooks/", "docs/runbooks/deep/page/", "deep/page/"),
        // Files, queries and fragments keep their place.
        ("matrix/", "assets/dossier.css", "../assets/dossier.css"),
        ("matrix/", "search/?q=s3#results", "../search/?q=s3#results"),
        ("matrix/", "data/dossier.json?v=1", "../data/dossier.json?v=1"),
        // Doubled slashes are one separator; a fragment is kept as written.
        ("profiles//aws-expert/", "profiles/aws-expert//", "./"),
        ("profiles/", "profiles/é-expert/#⚠️-warnings", "é-expert/#⚠️-warnings"),
    ])
    func relativeLinks(from: String, to: String, expected: String) {
        #expect(SitePaths.relative(from: from, to: to) == expected, "\(from) → \(to)")
    }

    @Test func rootPrefix() {
        #expect(SitePaths.root(from: "") == "./")
        #expect(SitePaths.root(from: "profiles/aws-expert/") == "../../")
    }
}
