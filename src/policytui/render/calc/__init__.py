"""The calculator in words: steps, results, estimates and sweeps as text, Rich, Markdown, charts and JSON."""
