/// The CSS that colours diagram SVGs, for the site's stylesheet.
///
/// The SVG itself carries no colours: outlines and text use `currentColor` (readable on
/// any background with no CSS at all) and every colour here comes from a custom property
/// with a light fallback, so a site styles diagrams for its light and dark themes by setting
/// the properties — `darkThemeProperties` has a dark set to put under the site's dark
/// selector. Font sizes are not set here: they are part of the layout.
public enum DiagramSVG {
    public static let stylesheet = """
        .dg-diagram { max-width: 100%; height: auto; font-family: var(--dg-font, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif); }
        .dg-node :is(polygon, ellipse, path, rect) { fill: var(--dg-node-fill, #eef2ff); stroke: var(--dg-node-stroke, #6366f1); stroke-width: 1.25; }
        .dg-node polyline { fill: none; stroke: var(--dg-node-stroke, #6366f1); stroke-width: 1.25; }
        .dg-node text { fill: var(--dg-node-text, #1e1b4b); }
        .dg-tier-primary :is(polygon, ellipse, path, rect) { fill: var(--dg-tier-primary, #dcfce7); stroke: var(--dg-tier-primary-stroke, #16a34a); }
        .dg-tier-primary polyline { stroke: var(--dg-tier-primary-stroke, #16a34a); }
        .dg-tier-secondary :is(polygon, ellipse, path, rect) { fill: var(--dg-tier-secondary, #e0f2fe); stroke: var(--dg-tier-secondary-stroke, #0284c7); }
        .dg-tier-secondary polyline { stroke: var(--dg-tier-secondary-stroke, #0284c7); }
        .dg-tier-developing :is(polygon, ellipse, path, rect) { fill: var(--dg-tier-developing, #fef3c7); stroke: var(--dg-tier-developing-stroke, #d97706); }
        .dg-tier-developing polyline { stroke: var(--dg-tier-developing-stroke, #d97706); }
        .dg-future :is(polygon, ellipse, path, rect, polyline) { stroke-dasharray: 6 4; }
        .dg-future :is(polygon, ellipse, path, rect) { fill: var(--dg-future-fill, #f8fafc); }
        .dg-future text { fill: var(--dg-future-text, #475569); }
        .dg-linked text { text-decoration: underline; text-decoration-thickness: 1px; text-underline-offset: 2px; }
        .dg-linked a:hover :is(polygon, ellipse, path, rect) { stroke-width: 2.25; }
        .dg-linked a:focus-visible { outline: 2px solid var(--dg-focus, #2563eb); outline-offset: 2px; }
        .dg-edge path { fill: none; stroke: var(--dg-edge, #64748b); stroke-width: 1.4; }
        .dg-edge polygon { fill: var(--dg-edge, #64748b); stroke: var(--dg-edge, #64748b); stroke-width: 1; }
        .dg-edge-dotted path { stroke-dasharray: 2 4; stroke-linecap: round; }
        .dg-edge-thick path { stroke-width: 2.5; }
        .dg-edge text { fill: var(--dg-edge-text, #334155); paint-order: stroke; stroke: var(--dg-background, #ffffff); stroke-width: 3px; stroke-linejoin: round; }
        .dg-cluster :is(polygon, path) { fill: var(--dg-cluster-fill, #f8fafc); stroke: var(--dg-cluster-stroke, #cbd5e1); stroke-width: 1; }
        .dg-cluster text { fill: var(--dg-cluster-text, #475569); }

        """

    /// Custom properties for a dark theme: put them inside the site's dark selector, for
    /// example `@media (prefers-color-scheme: dark) { :root { … } }`.
    public static let darkThemeProperties = """
        --dg-background: #0b1120;
        --dg-node-fill: #1e1b4b; --dg-node-stroke: #818cf8; --dg-node-text: #e0e7ff;
        --dg-edge: #94a3b8; --dg-edge-text: #cbd5e1;
        --dg-cluster-fill: #111827; --dg-cluster-stroke: #374151; --dg-cluster-text: #9ca3af;
        --dg-tier-primary: #052e16; --dg-tier-primary-stroke: #22c55e;
        --dg-tier-secondary: #082f49; --dg-tier-secondary-stroke: #38bdf8;
        --dg-tier-developing: #422006; --dg-tier-developing-stroke: #f59e0b;
        --dg-future-fill: #0f172a; --dg-future-text: #94a3b8;
        --dg-focus: #93c5fd;

        """
}
