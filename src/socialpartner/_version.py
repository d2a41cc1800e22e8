"""The library version (kept apart so any module can import it without cycles)."""

__version__ = "0.2.0"
