// Graphviz layout and SVG drawing of diagrams.
