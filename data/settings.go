package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"briefdesk/app"
)

var _ app.SettingsService = (*DB)(nil)

// Setting returns the value stored for key, or "" when unset.
func (d *DB) Setting(ctx context.Context, key string) (_ string, err error) {
	defer d.explain(&err)
	var v string
	err = d.db.QueryRowContext(ctx, "SELECT value FROM settings WHERE key = ?", key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("read setting %s: %w", key, err)
	}
	return v, nil
}

// SetSetting stores value under key; an empty value removes the setting.
func (d *DB) SetSetting(ctx context.Context, key, value string) (err error) {
	defer d.explain(&err)
	if strings.TrimSpace(key) == "" {
		return app.Errorf(app.EINVALID, "a setting needs a name")
	}
	// The author's name and delegation go into every note written here:
	// the notes' rule for them applies when they are set.
	field, person := map[string]app.Field{app.SettingAuthorName: app.FieldAuthor, app.SettingAuthorDelegation: app.FieldDelegation}[key]
	if person {
		if err := app.CheckField(field, value); err != nil {
			return &app.Error{Code: app.EINVALID, Message: app.ErrorMessage(err) + "; nothing was saved", Err: err}
		}
	}
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("save setting %s: %w", key, err)
	}
	defer tx.Rollback()
	if err := checkTables(ctx, tx, "settings"); err != nil {
		return fmt.Errorf("save setting %s: %w", key, err)
	}
	if value == "" {
		_, err = tx.ExecContext(ctx, "DELETE FROM settings WHERE key = ?", key)
	} else {
		_, err = tx.ExecContext(ctx, "INSERT INTO settings(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", key, value)
	}
	if err != nil {
		return fmt.Errorf("save setting %s: %w", key, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("save setting %s: %w", key, err)
	}
	return nil
}
