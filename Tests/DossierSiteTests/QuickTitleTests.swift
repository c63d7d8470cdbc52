import Foundation
import Testing
@testable import DossierSite

/// The title the router gives a document before it is parsed: the first `# ` heading that
/// is not inside a code fence.
@Suite("Quick title")
struct QuickTitleTests {
    static func title(_ text: String) -> String? {
        let file = ContentFile(path: "content/profiles/x.md", kind: .profile, url: URL(fileURLWithPath: "/x.md"))
        return Identified(file: file, text: text, frontMatter: nil, diagnostics: []).quickTitle
    }

    @Test func theFirstLevelOneHeading() {
        #expect(Self.title("# AWS Expert\n\nText\n# Later\n") == "AWS Expert")
        #expect(Self.title("Intro\n\n## Not this\n#Nor this\n#  Spaced Title  ##  \nrest") == "Spaced Title")
        #expect(Self.title("# Ünïcode — 🙂 title") == "Ünïcode — 🙂 title")
        #expect(Self.title("no heading\n## two\n") == nil)
        #expect(Self.title("") == nil)
    }

    @Test func headingsInsideFencesAreCode() {
        #expect(Self.title("```bash\n# a comment\n```\n# Title\n") == "Title")
        #expect(Self.title("  ~~~~\n# comment\n~~~\n# still code\n~~~~~\n# Title") == "Title")
        #expect(Self.title("````\n```\n# code\n````\n# Title") == "Title")
        #expect(Self.title("```\n# code, and the fence never closes\n") == nil)
    }
}
