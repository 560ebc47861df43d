// Package main creates files under /tmp in every form tmpleak recognises.
package main

import (
	"context"
	"fmt"
	"io/ioutil"
	"os"
	"path"
	"path/filepath"

	"github.com/aws/aws-lambda-go/lambda"
)

type job struct{ ID string }

func handler(ctx context.Context, j job) error {
	f1, _ := os.Create("/tmp/" + j.ID + ".csv") // want `file /tmp/….csv, named at run time, is never removed`
	f1.Close()
	os.WriteFile(filepath.Join(os.TempDir(), "state.json"), nil, 0o600)                 // want `/tmp/state.json is shared by every invocation`
	os.WriteFile(path.Join("/tmp", "cache", j.ID), nil, 0o600)                          // want `file /tmp/cache/…, named at run time, is never removed`
	os.WriteFile(fmt.Sprintf("/tmp/%s.log", j.ID), nil, 0o600)                          // want `file /tmp/%s.log, named at run time, is never removed`
	f2, _ := os.OpenFile("/tmp/append.log", os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600) // want `/tmp/append.log is shared by every invocation`
	f2.Close()
	f3, _ := os.OpenFile("/tmp/input.txt", os.O_RDONLY, 0) // ok: opened for reading
	f3.Close()
	os.Mkdir("/tmp/work", 0o700)                           // want `/tmp/work is shared by every invocation`
	os.MkdirAll(filepath.Join("/tmp", "out", j.ID), 0o700) // want `file /tmp/out/…, named at run time, is never removed`
	ioutil.WriteFile("/tmp/legacy.txt", nil, 0o600)        // want `/tmp/legacy.txt is shared by every invocation`
	tf, _ := ioutil.TempFile("", "legacy-*")               // want `temporary file from os.CreateTemp is never removed`
	tf.Close()
	td, _ := os.MkdirTemp(os.TempDir(), "dir-*")         // want `temporary directory from os.MkdirTemp is never removed`
	os.WriteFile(filepath.Join(td, "inner"), nil, 0o600) // ok: the directory is reported once
	os.WriteFile("/var/task/data.json", nil, 0o600)      // ok: not under /tmp
	return nil
}

func main() {
	lambda.Start(handler)
}
