// Package registry remembers names.
package registry

var names []string

// Add remembers a name.
func Add(name string) { // want Add:`globalstate\(stores into package-level var registry.names\)`
	names = append(names, name)
}

// Count returns how many names are remembered.
func Count() int { return len(names) }
