"""Fuzzy search over clauses: query parsing, the index, matching and ranking (issue 4)."""
