// Package tmpleak defines an Analyzer that reports files and
// directories that handler code leaves under /tmp.
//
// # Analyzer tmpleak
//
// tmpleak: report files that handler code leaves under /tmp
//
// /tmp on Lambda (512 MB by default, up to 10 GB) survives from one
// invocation to the next in the same execution environment. A file
// written at a fixed path is shared by every invocation, and can hand
// one request's data to the next. Files named per invocation that are
// never removed pile up until writes fail with "no space left on
// device", hours after the deploy.
//
// tmpleak reports, in code reachable from a handler, a file or directory
// created under the temporary directory that is not removed on every
// return path. The path starts with a "/tmp" literal or is built from
// os.TempDir() by filepath.Join, path.Join, concatenation or
// fmt.Sprintf. It is given to os.Create, os.WriteFile, os.OpenFile with
// a write or create flag, os.Mkdir or os.MkdirAll. It may also be given
// to a function of the program that writes a file at its parameter
// without removing it, in this package or in another. Or it is the file or
// directory of os.CreateTemp or os.MkdirTemp, with their io/ioutil
// forms. A removal counts when it is deferred (defer os.Remove(f.Name()),
// defer os.RemoveAll(dir)) or called on every path from the creation to
// a return. A function that removes its argument, in this package or in
// another, and a deferred func literal that removes it count too.
//
// Not reported: files inside a per-invocation directory from
// os.MkdirTemp that is removed; a path written only when it is absent
// (after an os.Stat of it), as a request-independent cache that AWS
// recommends for static assets; writes in INIT code; reads.
//
// Wrong: every invocation leaves a file behind,
//
//	f, err := os.Create("/tmp/" + filepath.Base(key))
//
// Fix: make a private directory per invocation and remove it,
//
//	dir, err := os.MkdirTemp("", "job-*")
//	if err != nil {
//		return err
//	}
//	defer os.RemoveAll(dir)
//
// and write every file under dir.
package tmpleak
