// Package config reads settings from the environment.
package config

import (
	"log"
	"os"

	"example.test/handlerexit/chain/config/internal/exit"
)

// Must returns the setting or ends the process.
func Must(name string) string { // want Must:`handlerexit\(os.Exit in handler code .* \(via config.fail → exit.Now\)\)`
	v := os.Getenv(name)
	if v == "" {
		fail(name)
	}
	return v
}

func fail(name string) {
	exit.Now(1)
}

// MustLog returns the setting or logs a fatal error.
func MustLog(name string) string { // want MustLog:`handlerexit\(log.Fatalf in handler code`
	v, ok := os.LookupEnv(name)
	if !ok {
		log.Fatalf("%s is not set", name)
	}
	return v
}

// Lookup returns the setting and whether it is set.
func Lookup(name string) (string, bool) { return os.LookupEnv(name) }
