"""thd: forms, validation and consolidation of the gender-equality action-month reports."""

__version__ = "0.1.0"
