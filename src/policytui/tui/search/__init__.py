"""The search screen (issue 4)."""
