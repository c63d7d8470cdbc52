/// The settings files `dossier init` writes beside `content/`: `dossier.yml` with the keys
/// Dossier knows (the optional ones commented out, with what they do), and a `.gitignore`
/// for what builds produce.
///
/// Swift strings for the reason given on ``ExampleProfile``.
enum HandbookSettings {
    static let configuration = #"""
    # Settings of this handbook. Every key is optional; an unknown key is a warning.

    # Shown in the header and the title of every page.
    title: Expertise Handbook
    # Shown on the home page, under the title.
    description: Who knows what in our team, and how well.

    # The address the site is published at. Dossier uses it for absolute links, such as the
    # sitemap's; pages link to each other with relative links either way.
    # base_url: https://handbook.example.com/

    # Raw HTML in Markdown is left out of the pages unless this is true. Turn it on only when
    # you trust everyone who writes the content.
    # unsafe_html: false

    # Dossier draws arrow diagrams and Mermaid flowcharts itself. For other Mermaid diagrams
    # (sequence, gantt, …) give the address of mermaid.js, and the pages that show them load
    # it; left unset, the site loads nothing from other hosts.
    # mermaid_js: https://cdn.jsdelivr.net/npm/mermaid@11/dist/mermaid.min.js

    """#

    static let gitignore = """
    # Written by `dossier build`: build it again rather than committing it.
    site/
    .dossier-cache/

    """
}
