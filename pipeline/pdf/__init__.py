"""Reading a PDF: its pages, their painting and colour spaces (pages.py), its tag tree and
marked content (structure.py), the text that content shows (text.py), its PDF/X identity
(pdfx.py), its black's overprint (overprint.py). The writers that finish a PDF and the
checks that read it both stand on it."""
