"""Readout's knowledge, as YAML data files (people, places, organisations, words)."""
