package data

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"syscall"

	"briefdesk/app"

	sqlite3 "modernc.org/sqlite/lib"
)

// BackupsKept is how many rotating backups Backup keeps.
const BackupsKept = 3

// BackupPath is the path of the i-th newest backup (1 is the newest).
func (d *DB) BackupPath(i int) string { return fmt.Sprintf("%s.backup-%d", d.path, i) }

// Backup writes a consistent copy of the database next to it with VACUUM
// INTO and rotates the older copies: <db>.backup-1 is the newest, up to
// <db>.backup-3. It returns the new backup's path. The copy is written to a
// temporary name first, so a crash while copying never costs an old backup
// and never leaves a half-written file under a backup's name.
func (d *DB) Backup(ctx context.Context) (_ string, err error) {
	defer d.explain(&err)
	tmp := d.path + ".backup-new"
	if err := os.Remove(tmp); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return "", fmt.Errorf("back up database: %w", err)
	}
	if _, err := d.db.ExecContext(ctx, "VACUUM INTO ?", tmp); err != nil {
		os.Remove(tmp)
		return "", d.backupError(err)
	}
	for i := BackupsKept - 1; i >= 1; i-- {
		err := os.Rename(d.BackupPath(i), d.BackupPath(i+1))
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			os.Remove(tmp)
			return "", d.backupError(err)
		}
	}
	if err := os.Rename(tmp, d.BackupPath(1)); err != nil {
		os.Remove(tmp)
		return "", d.backupError(err)
	}
	return d.BackupPath(1), nil
}

// backupError says why no backup could be made, in plain words for the
// commonest cause, a full disk. A failed backup stops what it was made
// for (an import, a load), so nothing was changed.
func (d *DB) backupError(err error) error {
	if why := damage(err); why != "" {
		return fmt.Errorf("back up database: %w", err) // explain says it
	}
	if sqliteCode(err) == sqlite3.SQLITE_FULL || errors.Is(err, syscall.ENOSPC) {
		size := int64(0)
		if fi, serr := os.Stat(d.path); serr == nil {
			size = fi.Size()
		}
		return &app.Error{Code: app.EINTERNAL, Err: &systemFailure{err}, Message: fmt.Sprintf(
			"there is no room on the disk for the backup BriefDesk makes of %s before changing it "+
				"(about %d MB beside it); free some space and try again; nothing was changed", d.path, (size+(1<<20)-1)>>20)}
	}
	return &app.Error{Code: app.EINTERNAL, Err: &systemFailure{err}, Message: fmt.Sprintf(
		"BriefDesk could not make its backup of %s (%s) before changing it; "+
			"check that its folder may be written and try again; nothing was changed", d.path, backupReason(err))}
}

// backupReason is the system's reason, without the paths it repeats: a
// rename's (os.LinkError), SQLite's, or any other (osReason).
func backupReason(err error) string {
	var le *os.LinkError
	switch {
	case errors.As(err, &le):
		return le.Err.Error()
	case sqliteCode(err) != 0:
		return "SQLite could not write the copy"
	}
	return osReason(err)
}
