package data

import (
	"database/sql"
	"net/url"
	"time"
)

// OpenReadOnlyForTest opens the BriefDesk database at path through a
// read-only connection pool (SQLite's mode=ro), without Open's checks and
// migrations: what a file a person cannot write gives SQLite. Tests run as
// root here, whom file permissions do not stop.
func OpenReadOnlyForTest(path string) (*DB, error) {
	q := url.Values{}
	q.Set("mode", "ro")
	q.Add("_pragma", "busy_timeout(10000)")
	db, err := sql.Open("sqlite", fileURI(path, q))
	return &DB{db: db, path: path, Now: time.Now}, err
}
