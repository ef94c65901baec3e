package entities

import "sync"

// shared is one recognizer with the embedded gazetteer for the tests that
// only read it (the package itself keeps no shared state: every caller
// makes its own with New).
var shared = sync.OnceValue(New)

// Default is the shared test recognizer.
func Default() *Recognizer { return shared() }

// Recognize finds the entities of text with the shared test recognizer.
func Recognize(text string) []Entity { return shared().Recognize(text) }
