// Build-time syntax highlighting of code blocks.
