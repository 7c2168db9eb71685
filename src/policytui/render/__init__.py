"""The rendering layer: every word, table, chart, Markdown and JSON shape the tool shows."""
