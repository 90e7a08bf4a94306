package data_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"briefdesk/app"
	"briefdesk/data"
)

// MustOpen opens a fresh database under tb.TempDir().
func MustOpen(tb testing.TB) *data.DB {
	tb.Helper()
	db, err := data.Open(context.Background(), filepath.Join(tb.TempDir(), "t.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

func TestOpenSetsPragmas(t *testing.T) {
	db := MustOpen(t)
	var appID, version int
	var mode string
	var fk int
	q := db.SQL()
	for _, c := range []struct {
		pragma string
		dst    any
	}{{"application_id", &appID}, {"user_version", &version}, {"journal_mode", &mode}, {"foreign_keys", &fk}} {
		if err := q.QueryRow("PRAGMA " + c.pragma).Scan(c.dst); err != nil {
			t.Fatal(err)
		}
	}
	if appID != data.ApplicationID {
		t.Errorf("application_id=%#x, want %#x", appID, data.ApplicationID)
	}
	if version < 1 {
		t.Errorf("user_version=%d, want >= 1", version)
	}
	if mode != "wal" {
		t.Errorf("journal_mode=%q, want wal", mode)
	}
	if fk != 1 {
		t.Errorf("foreign_keys=%d, want 1", fk)
	}
}

func TestOpenRefusesForeignFiles(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()

	t.Run("NotSQLite", func(t *testing.T) {
		p := filepath.Join(dir, "text.db")
		os.WriteFile(p, []byte("hello, this is not a database at all"), 0o644)
		_, err := data.Open(ctx, p)
		if got := app.ErrorCode(err); got != app.EDAMAGED {
			t.Fatalf("code=%q (%v), want %q", got, err, app.EDAMAGED)
		}
		b, _ := os.ReadFile(p)
		if string(b) != "hello, this is not a database at all" {
			t.Fatal("file was changed")
		}
	})
	t.Run("OtherProgram", func(t *testing.T) {
		p := filepath.Join(dir, "other.db")
		db, err := data.Open(ctx, p)
		if err != nil {
			t.Fatal(err)
		}
		db.SQL().Exec("PRAGMA application_id = 12345")
		db.Close()
		_, err = data.Open(ctx, p)
		if got := app.ErrorCode(err); got != app.EINVALID {
			t.Fatalf("code=%q (%v), want %q", got, err, app.EINVALID)
		}
	})
	t.Run("NewerSchema", func(t *testing.T) {
		p := filepath.Join(dir, "newer.db")
		db, err := data.Open(ctx, p)
		if err != nil {
			t.Fatal(err)
		}
		db.SQL().Exec("PRAGMA user_version = 9999")
		db.Close()
		_, err = data.Open(ctx, p)
		if got := app.ErrorCode(err); got != app.EINVALID {
			t.Fatalf("code=%q (%v), want %q", got, err, app.EINVALID)
		}
	})
}

func TestReopenKeepsData(t *testing.T) {
	ctx := context.Background()
	p := filepath.Join(t.TempDir(), "r.db")
	db, err := data.Open(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.SetSetting(ctx, app.SettingAuthorName, "李明"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	db, err = data.Open(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	got, err := db.Setting(ctx, app.SettingAuthorName)
	if err != nil || got != "李明" {
		t.Fatalf("Setting=%q, %v; want 李明", got, err)
	}
	if err := db.SetSetting(ctx, app.SettingAuthorName, ""); err != nil {
		t.Fatal(err)
	}
	if got, _ := db.Setting(ctx, app.SettingAuthorName); got != "" {
		t.Fatalf("after clearing, Setting=%q", got)
	}
}
