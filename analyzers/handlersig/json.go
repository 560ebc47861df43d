package handlersig

import "go/types"

// The rules below follow encoding/json of Go 1.26.

// maxPointers bounds the pointers followed from an event type to the
// type that is decoded.
const maxPointers = 8

// undecodable reports whether encoding/json fails to decode every JSON
// value other than null into a variable of type T. Such types are a
// chan, a func, a complex number, an unsafe.Pointer, an interface with
// methods, a map whose key type it cannot decode, and a pointer to one
// of these. A type with its own UnmarshalJSON or UnmarshalText method
// decodes as it chooses. A struct with a field of such a type is not reported:
// encoding/json fails only when the payload has that field.
func undecodable(T types.Type) bool {
	for range maxPointers {
		if isTypeParam(T) || hasMethod(T, "UnmarshalJSON") || hasMethod(T, "UnmarshalText") {
			return false
		}
		switch u := T.Underlying().(type) {
		case *types.Pointer:
			T = u.Elem()
			continue
		case *types.Chan, *types.Signature:
			return true
		case *types.Basic:
			return u.Info()&types.IsComplex != 0 || u.Kind() == types.UnsafePointer
		case *types.Interface:
			return u.NumMethods() > 0
		case *types.Map:
			return !decodableKey(u.Key())
		}
		return false
	}
	return false
}

// decodableKey reports whether encoding/json decodes object keys into a
// map key of type K: strings, integers, and types whose pointer has an
// UnmarshalText method.
func decodableKey(K types.Type) bool {
	if isTypeParam(K) || hasMethod(K, "UnmarshalText") {
		return true
	}
	b, ok := K.Underlying().(*types.Basic)
	return ok && b.Info()&(types.IsString|types.IsInteger) != 0
}

// unencodable reports whether encoding/json fails to encode every value
// of the result type T: a chan, a func, a complex number or an
// unsafe.Pointer that has no MarshalJSON or MarshalText method. A result
// with a Read method is sent as it is when encoding fails, so it is
// not reported.
func unencodable(T types.Type) bool {
	if isTypeParam(T) || hasMethod(T, "MarshalJSON") || hasMethod(T, "MarshalText") || hasMethod(T, "Read") {
		return false
	}
	switch u := T.Underlying().(type) {
	case *types.Chan, *types.Signature:
		return true
	case *types.Basic:
		return u.Info()&types.IsComplex != 0 || u.Kind() == types.UnsafePointer
	}
	return false
}

// hasMethod reports whether T or *T has a method of the given name.
func hasMethod(T types.Type, name string) bool {
	if !types.IsInterface(T) {
		T = types.NewPointer(T)
	}
	obj, _, _ := types.LookupFieldOrMethod(T, false, nil, name)
	_, ok := obj.(*types.Func)
	return ok
}
