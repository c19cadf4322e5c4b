"""Explicit OParl shapes for naober's objects: one module per family of types, never "all model fields"."""
