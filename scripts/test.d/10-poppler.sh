# The letter tests read the PDF back as a person's viewer would: pdftotext (every part of
# the letter, accents intact), pdfinfo (exactly one page) and pdffonts (every font embedded).
apt_install poppler-utils
