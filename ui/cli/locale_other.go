//go:build !windows

package cli

// systemLanguage is "": on Unix-like systems the locale is in the
// environment (LC_ALL, LC_MESSAGES, LANG), which lang reads first.
func systemLanguage() string { return "" }
