package data

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
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
		return "", fmt.Errorf("back up database: %w", err)
	}
	for i := BackupsKept - 1; i >= 1; i-- {
		err := os.Rename(d.BackupPath(i), d.BackupPath(i+1))
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return "", fmt.Errorf("back up database: %w", err)
		}
	}
	if err := os.Rename(tmp, d.BackupPath(1)); err != nil {
		return "", fmt.Errorf("back up database: %w", err)
	}
	return d.BackupPath(1), nil
}
