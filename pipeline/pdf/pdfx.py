"""What identifies a PDF/X file (ISO 15930-7, PDF/X-4): the version its Info and XMP name,
and the output intent's subtype. The print finisher writes them, the preflight reads them."""

PDFX_VERSION = "PDF/X-4"
XMP_PDFX_VERSION = "{http://www.npes.org/pdfx/ns/id/}GTS_PDFXVersion"  # pdfxid:GTS_PDFXVersion
OUTPUT_INTENT = "/GTS_PDFX"
