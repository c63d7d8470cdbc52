import Testing
@testable import DossierMarkdown

/// The Markdown module as Dossier uses it: every GFM extension and footnotes on, raw HTML
/// and dangerous links kept out.
struct MarkdownModuleTests {
    func html(_ markdown: String, unsafe: Bool = false) -> String {
        var renderer = HTMLRenderer(document: MarkdownParser.parse(markdown))
        renderer.unsafeHTML = unsafe
        return renderer.render()
    }

    @Test func tables() {
        let out = html("| Tier | Range |\n|:--|--:|\n| Primary | ≥0.85 |\n")
        #expect(out.contains("<th align=\"left\">Tier</th>"))
        #expect(out.contains("<td align=\"right\">≥0.85</td>"))
    }

    @Test func strikethrough() {
        #expect(html("~~old~~ new") == "<p><del>old</del> new</p>\n")
    }

    @Test func autolinks() {
        #expect(html("See www.example.com and https://aws.amazon.com/lambda.") ==
                "<p>See <a href=\"http://www.example.com\">www.example.com</a> and <a href=\"https://aws.amazon.com/lambda\">https://aws.amazon.com/lambda</a>.</p>\n")
    }

    @Test func tasklists() {
        #expect(html("- [x] done\n- [ ] todo\n") ==
                "<ul>\n<li><input type=\"checkbox\" checked=\"\" disabled=\"\" /> done</li>\n<li><input type=\"checkbox\" disabled=\"\" /> todo</li>\n</ul>\n")
    }

    @Test func footnotes() {
        let out = html("Claim[^src] and again[^src].\n\n[^src]: The source.\n")
        #expect(out.contains("<sup class=\"footnote-ref\"><a href=\"#fn-src\" id=\"fnref-src\" data-footnote-ref>1</a></sup>"))
        #expect(out.contains("id=\"fnref-src-2\""))
        #expect(out.contains("<section class=\"footnotes\" data-footnotes>\n<ol>\n<li id=\"fn-src\">\n<p>The source. <a href=\"#fnref-src\""))
    }

    @Test func safeModeOmitsRawHTML() {
        let out = html("<div onclick=\"x()\">block</div>\n\nInline <span style=\"x\">span</span> <script>alert(1)</script>\n")
        #expect(!out.contains("<div"))
        #expect(!out.contains("<span"))
        #expect(!out.contains("<script"))
        #expect(out.contains("<!-- raw HTML omitted -->"))
    }

    @Test func unsafeModePassesHTMLButFiltersDangerousTags() {
        let out = html("<div class=\"note\">block</div>\n\nInline <kbd>Ctrl</kbd> <script>alert(1)</script>\n", unsafe: true)
        #expect(out.contains("<div class=\"note\">block</div>"))
        #expect(out.contains("<kbd>Ctrl</kbd>"))
        #expect(out.contains("&lt;script>alert(1)&lt;/script>"))
    }

    @Test(arguments: [false, true])
    func javascriptAndDataLinksNeverPass(unsafe: Bool) {
        let out = html("[a](javascript:alert(1)) [b](JavaScript:void) [c](data:text/html,<b>x</b>) [d](data:image/png;base64,AA) [e](vbscript:x) [ok](https://example.com)", unsafe: unsafe)
        #expect(!out.lowercased().contains("javascript:"))
        #expect(!out.contains("data:"))
        #expect(!out.contains("vbscript:"))
        #expect(out.contains("<a href=\"\">a</a>"))
        #expect(out.contains("<a href=\"https://example.com\">ok</a>"))
    }

    @Test func imagesMayUseSafeDataURLs() {
        #expect(html("![dot](data:image/png;base64,AA)") == "<p><img src=\"data:image/png;base64,AA\" alt=\"dot\" /></p>\n")
        #expect(html("![x](data:image/svg+xml;base64,AA)") == "<p><img src=\"\" alt=\"x\" /></p>\n")
    }

    @Test func sourcePositionsOfHeadingsAndListItems() throws {
        let document = MarkdownParser.parse("# Title\n\nText\n\n## Section\n- one\n- two\n  - nested\n")
        let headings = document.nodes.filter { $0.kind == .heading }
        #expect(headings.map(\.range.start.line) == [1, 5])
        let items = document.nodes.filter { $0.kind == .item }
        #expect(items.map(\.range.start.line) == [6, 7, 8])
        #expect(items.map(\.range.start.column) == [1, 1, 3])
        let nested = try #require(items.last)
        #expect(document.plainText(of: Int32(document.nodes.firstIndex { $0.kind == .item && $0.range.start.line == 8 }!)) == "nested")
        #expect(nested.range.end.line == 8)
    }

    @Test func headingsGetUniqueGitHubAnchors() {
        let document = MarkdownParser.parse("# AWS Expert\n## Role & Expertise\n## Usage\n### Usage\n## `code` *and* **bold**\n")
        #expect(document.headings().map(\.anchor) == ["aws-expert", "role--expertise", "usage", "usage-1", "code-and-bold"])
        #expect(document.headings().map(\.text) == ["AWS Expert", "Role & Expertise", "Usage", "Usage", "code and bold"])
        var renderer = HTMLRenderer(document: document)
        for heading in document.headings() { renderer.headingIDs[heading.node] = heading.anchor }
        #expect(renderer.render().contains("<h2 id=\"role--expertise\">Role &amp; Expertise</h2>"))
    }

    @Test func childrenAndLinesNavigateTheTree() {
        let document = MarkdownParser.parse("# A\n\n- x\n- y\n\nPara\n")
        let kinds = document.children(of: document.root).map { document[$0].kind }
        #expect(kinds == [.heading, .list, .paragraph])
        #expect(document.line(3) == "- x")
        #expect(document.line(99) == "")
        #expect(document.lineCount == 6)
    }

    @Test func replacementsAndLinkTargetsApply() {
        let document = MarkdownParser.parse("```\nA → B\n```\n\n[next](other.md#x)\n")
        var renderer = HTMLRenderer(document: document)
        let code = Int32(document.nodes.firstIndex { $0.kind == .codeBlock }!)
        let link = Int32(document.nodes.firstIndex { $0.kind == .link }!)
        renderer.replacements[code] = "<figure>svg</figure>"
        renderer.linkTargets[link] = "../other/#x"
        #expect(renderer.render() == "<figure>svg</figure>\n<p><a href=\"../other/#x\">next</a></p>\n")
    }

    @Test func deeplyNestedInputDoesNotExhaustTheStack() {
        let markdown = String(repeating: "> ", count: 5_000) + "deep\n" + String(repeating: "*", count: 10_000)
        let document = MarkdownParser.parse(markdown)
        #expect(document.nodes.count > 100)
        #expect(HTMLRenderer(document: document).render().contains("deep"))
    }
}
