"""Readout's screens: the main browser, help, and saved searches."""
