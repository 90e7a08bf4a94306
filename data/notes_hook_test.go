package data

// SetImportHook makes ImportNotes call f inside its transaction after each
// note it writes, so that a test can stop (and kill) an import halfway.
func SetImportHook(f func(written int)) { testHookImport = f }
