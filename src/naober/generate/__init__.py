"""A deterministic synthetic dataset at region, province or national scale (`naober generate`).

Written through bulk paths that keep the invariants of the product's services (see docs/benchmarks.md):
one transaction per cooperation, so a run that stops can be started again and carries on where it was.
"""
