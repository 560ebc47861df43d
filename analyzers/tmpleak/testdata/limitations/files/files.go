// Package files writes files for other packages.
package files

import "os"

// Save writes data at path.
func Save(path string, data []byte) error {
	return os.WriteFile(path, data, 0o600)
}
