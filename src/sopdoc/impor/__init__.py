"""Import existing SOP documents (DOCX, PDF, e-SOP HTML pages and their text dumps) as specs."""
