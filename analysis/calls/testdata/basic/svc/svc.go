// Package svc calls into store directly, through an interface, through a
// function value, and from closures and package initialisers.
package svc

import "example.com/basic/store"

var defaultStore = store.New() // want "static example.com/basic/store.New"

type memSaver struct{}

func (memSaver) Save(string) error { return nil }

// Run exercises every kind of call.
func Run(s store.Saver) error {
	st := store.New()                    // want "static example.com/basic/store.New"
	if err := st.Save("a"); err != nil { // want "static example.com/basic/store.\\(\\*Store\\).Save"
		return err
	}
	_ = store.Generic(3) // want "static example.com/basic/store.Generic"
	f := func() error {
		return s.Save("b") // want "dynamic example.com/basic/store.\\(\\*Store\\).Save" "dynamic example.com/basic/svc.memSaver.Save" "dynamic example.com/basic/store.Saver.Save"
	}
	return f()
}

// Main wires the interface to the two implementations.
func Main() error {
	_ = Run(memSaver{})      // want "static example.com/basic/svc.Run"
	return Run(defaultStore) // want "static example.com/basic/svc.Run"
}

// orphan is an unexported type nothing uses: the call graph never reaches
// its methods, yet they still couple svc to store.
type orphan struct{}

func (orphan) flush() *store.Store {
	return store.New() // want "static example.com/basic/store.New"
}
