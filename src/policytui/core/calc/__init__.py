"""The subsidy calculator: rules read from data, their evaluation, profile estimates and sweeps.

Pure core: no Textual. Money is Decimal yuan throughout.
"""
