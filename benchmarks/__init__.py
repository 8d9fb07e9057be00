"""Readout's benchmark: ``python -m benchmarks [--quick]`` (see ``benchmarks/README.md``)."""
