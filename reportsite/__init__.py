"""reportsite: OCR'd Chinese feature reports → structured content → a cross-linked static site."""

__version__ = "0.1.0"
