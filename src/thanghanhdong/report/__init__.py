"""Renderers of a `Consolidation`: the Word report (docx.py) and the summary workbook (xlsx.py)."""
