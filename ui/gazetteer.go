package ui

// loadGazetteer adds the entries of a gazetteer file to the recognizer and
// returns a one-line summary of its warnings for the status bar.
func loadGazetteer(path string) (string, error) {
	if loadGaz == nil {
		return "--gazetteer: entity recognition is not available", nil
	}
	return loadGaz(path)
}

// loadGaz is set by the entities adapter.
var loadGaz func(path string) (string, error)
