// Diagram parsing: arrow text and Mermaid flowcharts → Diagram.
