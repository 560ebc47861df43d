// Package store records the callers of the service.
package store

import "example.test/globalstate/crosspkg/store/registry"

// Remember records a caller.
func Remember(caller string) { // want Remember:`globalstate\(stores into package-level var registry.names\)`
	registry.Add("caller:" + caller)
}

// Touch records that the service ran, without data.
func Touch() {
	registry.Add("ran")
}
