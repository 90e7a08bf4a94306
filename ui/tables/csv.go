package tables

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
)

// BOM is the UTF-8 byte order mark. Excel reads a CSV file as UTF-8 only
// when it starts with one; without it Chinese shows as mojibake.
const BOM = "\uFEFF"

// WriteCSV writes t as CSV: the BOM, one header row of column titles, then
// the rows, quoted per RFC 4180 with CRLF line ends (as Excel writes).
func WriteCSV(w io.Writer, t *Table) error {
	bw := bufio.NewWriter(w)
	if _, err := bw.WriteString(BOM); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	cw := csv.NewWriter(bw)
	cw.UseCRLF = true
	if err := cw.Write(t.Header()); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	for _, row := range t.Rows {
		if err := cw.Write(row); err != nil {
			return fmt.Errorf("write csv: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	return nil
}
