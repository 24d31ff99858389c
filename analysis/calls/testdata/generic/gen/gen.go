// Package gen declares generic code; its instances are built when use,
// built after it, instantiates them.
package gen

// Saver is implemented by Store.
type Saver interface{ Save(v string) error }

// Store saves things.
type Store struct{ n int }

// Save records v.
func (s *Store) Save(v string) error {
	s.n += len(v)
	return nil
}

// Each saves every v with s: only an instance's body, built from this
// syntax, calls (*Store).Save.
func Each[S Saver](s S, vs ...string) {
	for _, v := range vs {
		_ = s.Save(v) // want "static example.com/generic/gen.\\(\\*Store\\).Save" "dynamic example.com/generic/gen.Saver.Save"
	}
}

// List is a generic type whose method is instantiated the same way.
type List[S Saver] struct{ items []S }

// SaveAll saves v with every item.
func (l *List[S]) SaveAll(v string) {
	for _, s := range l.items {
		Each(s, v) // want "static example.com/generic/gen.Each"
	}
}
