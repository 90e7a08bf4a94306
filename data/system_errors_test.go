package data_test

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"testing"

	"briefdesk/app"
	"briefdesk/data"
)

// fillDatabase caps the file at its present size (PRAGMA max_page_count,
// on the one connection the pool may use) and fills it to the last byte,
// so that the next write meets SQLITE_FULL as on a full disk.
func fillDatabase(t *testing.T, db *data.DB) {
	t.Helper()
	q := db.SQL()
	q.SetMaxOpenConns(1)
	if _, err := q.Exec("CREATE TABLE filler(b BLOB)"); err != nil {
		t.Fatal(err)
	}
	var pages int
	if err := q.QueryRow("PRAGMA page_count").Scan(&pages); err != nil {
		t.Fatal(err)
	}
	if _, err := q.Exec(fmt.Sprintf("PRAGMA max_page_count = %d", pages+2)); err != nil {
		t.Fatal(err)
	}
	full := false
	for _, size := range []int{4000, 1000, 200, 20, 1} {
		for {
			if _, err := q.Exec("INSERT INTO filler VALUES(randomblob(?))", size); err != nil {
				if !strings.Contains(err.Error(), "full") {
					t.Fatal(err)
				}
				full = true
				break
			}
		}
	}
	if !full {
		t.Fatal("the database never filled")
	}
}

// TestDiskFull: a write that meets a full disk says so, says what to do
// and that nothing changed, and changes nothing.
func TestDiskFull(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name string
		call func(db *data.DB) error
	}{
		{"AddNote", func(db *data.DB) error {
			return db.SaveNote(ctx, &app.Note{Resolution: 44, Author: app.Author{Name: "A"}, Body: strings.Repeat("支持", 2000)})
		}},
		{"SetSetting", func(db *data.DB) error { return db.SetSetting(ctx, "test.big", strings.Repeat("名", 2000)) }},
		{"SavePack", func(db *data.DB) error {
			return db.SavePack(ctx, &app.Pack{Name: "full", Title: strings.Repeat("标题", 450), Meeting: strings.Repeat("会议", 450), Resolutions: []int{44, 50, 52}})
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db := notesDB(t)
			fillDatabase(t, db)
			before := noteRows(t, db.SQL())
			err := tc.call(db)
			wantCode(t, err, app.EINTERNAL, "the disk holding "+db.Path()+" is full", "free some space", "nothing was changed")
			if msg := app.ErrorMessage(err); strings.Contains(msg, "(13)") || strings.Contains(msg, "internal error") {
				t.Fatalf("message %q shows SQLite's words", msg)
			}
			if after := noteRows(t, db.SQL()); after != before {
				t.Fatal("the notes changed")
			}
			var packs int
			db.SQL().QueryRow("SELECT count(*) FROM packs").Scan(&packs)
			if packs != 0 {
				t.Fatal("a pack was saved")
			}
		})
	}
}

// TestLockedByAnotherProgram: while another connection holds the write
// lock past the busy timeout, a write says the file is locked by another
// program and changes nothing.
func TestLockedByAnotherProgram(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name string
		call func(db *data.DB, id string) error
	}{
		{"AddNote", func(db *data.DB, _ string) error {
			return db.SaveNote(ctx, &app.Note{Resolution: 44, Author: app.Author{Name: "A"}, Body: "x"})
		}},
		{"DeleteNote", func(db *data.DB, id string) error { return db.DeleteNote(ctx, id) }},
		{"SetSetting", func(db *data.DB, _ string) error { return db.SetSetting(ctx, app.SettingLanguage, "zh") }},
		{"SavePack", func(db *data.DB, _ string) error {
			return db.SavePack(ctx, &app.Pack{Name: "p", Resolutions: []int{44}})
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db := notesDB(t)
			n := mustSave(t, db, app.Note{Resolution: 44, Author: app.Author{Name: "A"}, Body: "mine"})
			db.SQL().SetMaxOpenConns(1)
			if _, err := db.SQL().Exec("PRAGMA busy_timeout = 50"); err != nil {
				t.Fatal(err)
			}
			other, err := sql.Open("sqlite", db.Path())
			if err != nil {
				t.Fatal(err)
			}
			defer other.Close()
			conn, err := other.Conn(ctx)
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			if _, err := conn.ExecContext(ctx, "BEGIN EXCLUSIVE"); err != nil {
				t.Fatal(err)
			}
			defer conn.ExecContext(ctx, "ROLLBACK")
			before := fileBytes(t, db)
			err = tc.call(db, n.ID)
			wantCode(t, err, app.EINTERNAL, "locked by another program", "try again", "nothing was changed")
			if fileBytes(t, db) != before {
				t.Fatal("the file changed")
			}
		})
	}
}
