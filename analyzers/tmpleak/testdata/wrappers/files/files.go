// Package files writes files for other packages.
package files

import "os"

// Save writes data at path.
func Save(path string, data []byte) error { // want Save:`tmpleak\(writes params \[0\], removes params \[\]\)`
	return os.WriteFile(path, data, 0o600)
}

// SaveTemp writes data at path through Save.
func SaveTemp(path string, data []byte) error { // want SaveTemp:`tmpleak\(writes params \[0\], removes params \[\]\)`
	return Save(path, data)
}

// Discard removes a file of this invocation.
func Discard(name string) { // want Discard:`tmpleak\(writes params \[\], removes params \[0\]\)`
	os.Remove(name)
}

// Replace writes data at path and removes it again.
func Replace(path string, data []byte) error { // want Replace:`tmpleak\(writes params \[\], removes params \[0\]\)`
	if err := os.WriteFile(path, data, 0o600); err != nil {
		return err
	}
	return os.Remove(path)
}
