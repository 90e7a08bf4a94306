package data_test

import (
	"context"
	"os"
	"testing"

	"briefdesk/app"
	"briefdesk/data"
)

func TestImportBacksUp(t *testing.T) {
	ctx := context.Background()
	alice, bob, _ := exchange(t)
	var states []string
	for range 5 {
		states = append(states, noteRows(t, bob.SQL()))
		mustSave(t, alice, app.Note{Resolution: twoClausesRes(t), Body: "more"})
		file := mustExport(t, alice, app.NoteFilter{})
		mustImportNotes(t, bob, file, "a.briefnotes")
	}
	if _, err := os.Stat(bob.BackupPath(data.BackupsKept + 1)); err == nil {
		t.Errorf("more than %d backups kept", data.BackupsKept)
	}
	// backup-k holds the state before the k-th most recent import.
	for k := 1; k <= data.BackupsKept; k++ {
		b, err := data.Open(ctx, bob.BackupPath(k))
		if err != nil {
			t.Fatalf("backup %d: %v", k, err)
		}
		var ok string
		b.SQL().QueryRow("PRAGMA integrity_check").Scan(&ok)
		if ok != "ok" {
			t.Errorf("backup %d: integrity_check %q", k, ok)
		}
		if got := noteRows(t, b.SQL()); got != states[len(states)-k] {
			t.Errorf("backup %d does not hold the state before import %d", k, len(states)-k+1)
		}
		b.Close()
	}
}
