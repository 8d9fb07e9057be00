"""The panes of Readout's main screen, one module each."""
