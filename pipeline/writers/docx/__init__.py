"""The DOCX draft an editor corrects in Word or LibreOffice: the document (draft.py) and its
lists, tables, sign-offs and notes (structures.py), through python-docx."""
