"""Extractors: one module per kind of fact, each a pure function over the cleaned text and outline."""
