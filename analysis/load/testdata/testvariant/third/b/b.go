package b

import "example.com/a"

func F() *a.T { return a.New() }
