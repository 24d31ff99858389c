package a

type T struct{ X int }

func New() *T { return &T{} }
