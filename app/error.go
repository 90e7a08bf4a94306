package app

import (
	"errors"
	"fmt"
)

// Error codes, after the style of benbjohnson/wtf: the code says what kind
// of failure it is (and so which exit status or dialog fits), the message
// says what a person should know.
const (
	EINVALID  = "invalid"  // the input is wrong; nothing changed
	ENOTFOUND = "notfound" // no such resolution, clause, note or pack
	ECONFLICT = "conflict" // the data disagrees with itself or with the input
	EDAMAGED  = "damaged"  // the database failed an integrity check
	EACCESS   = "access"   // a file or folder cannot be created or written there; nothing changed
	EINTERNAL = "internal" // a bug or an environment failure
)

// Error is an error with a code and a message fit to show a person.
type Error struct {
	Code    string
	Message string
	Err     error // underlying cause, for logs; may be nil
}

func (e *Error) Error() string {
	if e.Err != nil {
		return e.Message + ": " + e.Err.Error()
	}
	return e.Message
}

func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an *Error with the given code and formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, EINTERNAL
// for any other non-nil error, and "" for nil.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the message to show a person: the *Error's message
// where there is one, a generic sentence otherwise (the detail goes to logs).
func ErrorMessage(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	return "internal error: " + err.Error()
}
