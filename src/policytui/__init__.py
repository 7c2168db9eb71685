"""policytui: Chinese municipal industrial policy, clause by clause, in the terminal."""

__version__ = "0.1.0"
