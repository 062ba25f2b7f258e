"""An editor's DOCX draft read back into the model: its paragraphs, runs and figures
(draft.py), its headings, lists, tables, sign-offs and notes (structures.py)."""
