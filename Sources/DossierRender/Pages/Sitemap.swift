import DossierMarkdown

/// `sitemap.xml`: every page's public address, written only when `base_url` says what it is.
public enum Sitemap {
    public static func xml(baseURL: String, pages: [String]) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for page in pages.sorted() {
            out += "  <url><loc>\((baseURL + page).htmlEscaped)</loc></url>\n"
        }
        return out + "</urlset>\n"
    }
}
