import Foundation
import Testing
@testable import DossierMarkdown

/// Every example of the GFM spec (`spec.txt`), the extensions spec and cmark-gfm's
/// regression file, through Dossier's parser and HTML renderer.
///
/// Like cmark-gfm's own runner, examples are rendered with raw HTML allowed (the spec's
/// expectations contain raw HTML) and with the extensions the example names; the extension
/// and regression files run with every extension on. Two things are checked: the HTML equals
/// the spec's (normalised), and it equals libcmark-gfm's own renderer byte for byte.
@Suite(.enabled(if: SharedFixtures.exists("gfm-spec"), "../shared/gfm-spec is absent: GFM spec tests skipped"))
struct GFMSpecTests {
    /// Examples whose expected HTML differs from what Debian's libcmark-gfm 0.29.0.gfm.6 (and
    /// Dossier, which follows it) produces, each with the reason. Nothing else may fail.
    static let knownDifferences: [String: String] = [
        "extensions.txt#20": "expects <IGNORE>: the example only checks that parsing does not crash",
        "extensions.txt#23": "footnote markup: the spec file predates the library's id=\"fn-label\", data-footnote-ref and aria-label form",
        "regression.txt#13": "footnote markup, as extensions.txt#23",
        "regression.txt#17": "expects raw </script> and </style> blocks; with the tagfilter extension on, as Dossier always has it, they are escaped",
    ]

    static let allExtensions = MarkdownOptions(extensions: Set(MarkdownOptions.Extension.allCases), footnotes: true)

    func options(for example: SpecExample) -> MarkdownOptions {
        if example.file != "spec.txt" { return Self.allExtensions }
        let named = Set(example.tags.compactMap(MarkdownOptions.Extension.init(rawValue:)))
        return MarkdownOptions(extensions: named, footnotes: example.tags.contains("footnotes"))
    }

    func render(_ markdown: String, _ options: MarkdownOptions) -> String {
        var renderer = HTMLRenderer(document: MarkdownParser.parse(markdown, options: options))
        renderer.unsafeHTML = true
        renderer.urlPolicy = .allowAll
        return renderer.render()
    }

    @Test(arguments: ["spec.txt", "extensions.txt", "regression.txt"])
    func specFile(_ name: String) throws {
        let examples = try SpecExample.load(SharedFixtures.url("gfm-spec/\(name)"))
        #expect(examples.count > 10, "no examples found in \(name)")
        var passed = 0
        for example in examples where !example.tags.contains("disabled") {
            let options = options(for: example)
            let ours = render(example.markdown, options)
            let library = MarkdownParser.referenceHTML(example.markdown, options: options, unsafe: true)
            #expect(ours == library, "\(example): differs from libcmark-gfm\n--- markdown\n\(example.markdown)--- dossier\n\(ours)--- libcmark-gfm\n\(library)")
            let key = "\(name)#\(example.number)"
            if let reason = Self.knownDifferences[key] {
                // Listed differences must still be real, or the list is stale.
                #expect(normalizedHTML(ours) != normalizedHTML(example.html), "\(example) now passes; remove it from knownDifferences (\(reason))")
                continue
            }
            #expect(normalizedHTML(ours) == normalizedHTML(example.html),
                    "\(example)\n--- markdown\n\(example.markdown)--- expected\n\(example.html)--- dossier\n\(ours)")
            passed += 1
        }
        print("\(name): \(passed) examples pass, \(Self.knownDifferences.keys.filter { $0.hasPrefix(name) }.count) listed differences")
    }
}
