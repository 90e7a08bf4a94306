package seeds

import _ "embed"

// DocumentName is the file name of the embedded source document.
const DocumentName = "000_059b8ff9dea9352a.txt"

// Document is the source corpus, byte for byte as received (see ORIGIN.md).
//
//go:embed 000_059b8ff9dea9352a.txt
var Document []byte
