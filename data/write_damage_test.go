package data_test

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"briefdesk/app"
	"briefdesk/data"
)

// writeDamagedTable makes a database with the real corpus, 60 notes (more
// than a page of them), settings and packs, closes it, and writes junk
// over the first leaf page of table: the page a new row does not go to,
// so SQLite itself may not notice the damage while writing. It returns
// the path and the ID of one note.
func writeDamagedTable(t *testing.T, table string) (string, string) {
	t.Helper()
	ctx := context.Background()
	p := corpusFile(t, "damaged-"+table+".db")
	db, err := data.Open(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	var last string
	for i := range 60 {
		n := app.Note{Resolution: 44, Author: app.Author{Name: "A"}, Body: fmt.Sprintf("note %d %s", i, strings.Repeat("支持", 200))}
		if err := db.SaveNote(ctx, &n); err != nil {
			t.Fatal(err)
		}
		last = n.ID
	}
	for i := range 30 {
		if err := db.SetSetting(ctx, fmt.Sprintf("test.key%02d", i), strings.Repeat("v", 300)); err != nil {
			t.Fatal(err)
		}
		if err := db.SavePack(ctx, &app.Pack{Name: fmt.Sprintf("pack %02d", i), Title: strings.Repeat("t", 300), Resolutions: []int{44, 50}}); err != nil {
			t.Fatal(err)
		}
	}
	var page, size int64
	err = db.SQL().QueryRow("SELECT pageno, pgsize FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY path LIMIT 1", table).Scan(&page, &size)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	junk := make([]byte, size-8)
	r := rand.New(rand.NewPCG(3, 4))
	for i := range junk {
		junk[i] = byte(r.Uint32())
	}
	f, err := os.OpenFile(p, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	// Keep the page's first bytes (its type), spoil its cells.
	if _, err := f.WriteAt(junk, (page-1)*size+8); err != nil {
		t.Fatal(err)
	}
	return p, last
}

// TestWriteToDamagedTable: every write to a table whose page is damaged
// reports the damage, in plain words, and leaves the file byte for byte
// as it was; none reports success for data that could never be read.
func TestWriteToDamagedTable(t *testing.T) {
	ctx := context.Background()
	other := notesDB(t)
	mustSave(t, other, app.Note{Resolution: 44, Author: app.Author{Name: "B"}, Body: "from a colleague"})
	colleague := mustExport(t, other, app.NoteFilter{})
	for _, tc := range []struct {
		name, table string
		call        func(db *data.DB, id string) error
	}{
		{"AddNote", "notes", func(db *data.DB, _ string) error {
			return db.SaveNote(ctx, &app.Note{Resolution: 44, Author: app.Author{Name: "A"}, Body: "新的"})
		}},
		{"EditNote", "notes", func(db *data.DB, id string) error {
			n, err := db.Note(ctx, id)
			if err != nil {
				return err
			}
			n.Body = "changed"
			return db.SaveNote(ctx, n)
		}},
		{"DeleteNote", "notes", func(db *data.DB, id string) error { return db.DeleteNote(ctx, id) }},
		{"RestoreNote", "notes", func(db *data.DB, id string) error { return db.RestoreNote(ctx, id) }},
		{"ResolveConflict", "notes", func(db *data.DB, _ string) error { return db.ResolveConflict(ctx, 1, app.KeepTheirs) }},
		{"ImportNotes", "notes", func(db *data.DB, _ string) error {
			_, err := importData(db, colleague, "b.briefnotes", false)
			return err
		}},
		{"SetSetting", "settings", func(db *data.DB, _ string) error { return db.SetSetting(ctx, app.SettingLanguage, "zh") }},
		{"SavePack", "packs", func(db *data.DB, _ string) error {
			return db.SavePack(ctx, &app.Pack{Name: "zz new", Resolutions: []int{44}})
		}},
		{"DeletePack", "packs", func(db *data.DB, _ string) error { return db.DeletePack(ctx, "pack 29") }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, id := writeDamagedTable(t, tc.table)
			before, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			db, err := data.Open(ctx, p)
			if err != nil {
				t.Fatal(err)
			}
			err = tc.call(db, id)
			if cerr := db.Close(); cerr != nil {
				t.Fatal(cerr)
			}
			wantDamaged(t, tc.name, err, p)
			if after, _ := os.ReadFile(p); !bytes.Equal(before, after) {
				t.Fatalf("%s changed the damaged file", tc.name)
			}
		})
	}
}
