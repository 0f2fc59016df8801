"""Format-specific parsing: Word, PDF, e-mail and LibreOffice conversion, into neutral content."""
