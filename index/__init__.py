"""Readout's core: ingestion, extraction and the search index.

Never imports textual or rich: it hands out plain frozen dataclasses and
character spans, which any front end can render.
"""
