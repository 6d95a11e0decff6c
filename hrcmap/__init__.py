"""hrcmap: an open, sourced atlas of the human rights cities movement."""

__version__ = "0.1.0"
