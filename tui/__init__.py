"""Readout's terminal front end: the ``readout`` command and the Textual app."""
