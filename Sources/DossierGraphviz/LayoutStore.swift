/// Somewhere layouts outlive a renderer: a build's cache on disk, so the next build draws an
/// unchanged diagram without running Graphviz.
///
/// What is stored is Graphviz's own SVG for the graph it was given (after the edge-label probe,
/// when there was one), keyed by everything that decides it: the layout engine and
/// `LayoutGraph.cacheKey`. Turning it into Dossier's SVG is cheap and stays in the renderer,
/// so a stored layout is drawn with the ids, links and tiers of the page that asks for it.
public protocol LayoutStore: Sendable {
    /// The stored Graphviz SVG for `key`, if any.
    func layout(forKey key: String) -> String?
    /// Keeps Graphviz's SVG for `key`. Failures to lay out are never stored.
    func store(layout svg: String, forKey key: String)
}
