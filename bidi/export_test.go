package bidi

// TablesVersion exposes the version recorded in the generated tables.
const TablesVersion = tablesVersion

// GeneralOnly runs f with the shortcuts of resolve turned off. It sets a
// package variable: tests that use it must not run in parallel.
func GeneralOnly(f func()) {
	generalOnly = true
	defer func() { generalOnly = false }()
	f()
}
