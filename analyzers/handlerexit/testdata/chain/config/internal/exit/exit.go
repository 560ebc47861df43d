// Package exit ends the process.
package exit

import "os"

// Now ends the process.
func Now(code int) { // want Now:`handlerexit\(os.Exit in handler code exits the process.*\)`
	os.Exit(code)
}
