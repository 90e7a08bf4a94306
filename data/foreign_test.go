package data_test

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"briefdesk/app"
	"briefdesk/data"
)

// TestOpenLeavesForeignFilesAlone makes SQLite files as other programs
// would, in the default rollback-journal mode, and expects Open to refuse
// each with an EINVALID error and leave it byte for byte as it was, still
// in that journal mode.
func TestOpenLeavesForeignFilesAlone(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name, sql string
		want      string
	}{
		{"TablesNoAppID", "CREATE TABLE t(x); INSERT INTO t VALUES (1)", "belongs to another program"},
		{"IndexOnly", "CREATE TABLE t(x); CREATE INDEX tx ON t(x); DROP TABLE t; CREATE VIEW v AS SELECT 1", "belongs to another program"},
		{"OtherAppID", "PRAGMA application_id = 12345; CREATE TABLE t(x)", "belongs to another program"},
		{"OtherAppIDEmpty", "PRAGMA application_id = 12345", "belongs to another program"},
		{"UserVersion", "PRAGMA user_version = 7", "belongs to another program"},
		{"NewerBriefDesk", "PRAGMA application_id = 1111771953; PRAGMA user_version = 9999; CREATE TABLE settings(key, value)", "newer BriefDesk"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			p := filepath.Join(dir, "other.db")
			foreignFile(t, p, tc.sql)
			before, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			db, err := data.Open(ctx, p)
			if err == nil {
				db.Close()
			}
			if app.ErrorCode(err) != app.EINVALID || !strings.Contains(app.ErrorMessage(err), tc.want) || !strings.Contains(app.ErrorMessage(err), "nothing was changed") {
				t.Fatalf("Open: %v; want EINVALID saying %q and that nothing was changed", err, tc.want)
			}
			after, _ := os.ReadFile(p)
			if !bytes.Equal(before, after) {
				t.Fatal("Open changed a file it refused")
			}
			if names := dirNames(t, dir); len(names) != 1 {
				t.Fatalf("files left beside it: %q", names)
			}
			if mode := journalMode(t, p); mode != "delete" {
				t.Fatalf("journal_mode=%q after the refusal, want delete", mode)
			}
		})
	}
}

// TestOpenTakesEmptyFiles: a file with nothing in it, SQLite's header
// alone or no bytes at all, is fair game.
func TestOpenTakesEmptyFiles(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct{ name, sql string }{{"Header", "PRAGMA page_size = 4096; VACUUM"}, {"NoBytes", ""}} {
		t.Run(tc.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "empty.db")
			if tc.sql == "" {
				os.WriteFile(p, nil, 0o644)
			} else {
				foreignFile(t, p, tc.sql)
			}
			db, err := data.Open(ctx, p)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			if err := db.SetSetting(ctx, app.SettingLanguage, "zh"); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// foreignFile makes a SQLite file at p with another program's driver
// settings: no pragmas, rollback journal.
func foreignFile(t *testing.T, p, script string) {
	t.Helper()
	db, err := sql.Open("sqlite", p)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(script); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(p); err != nil || fi.Size() == 0 {
		t.Fatalf("no SQLite file made: %v", err)
	}
}

func journalMode(t *testing.T, p string) string {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+p+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var mode string
	if err := db.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil {
		t.Fatal(err)
	}
	return mode
}
