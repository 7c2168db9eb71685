"""Comparisons and the matrix in words, Markdown, CSV and JSON."""
