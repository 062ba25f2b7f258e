"""Turns annual-report texts into print, screen, large-print PDF and DOCX editions."""
