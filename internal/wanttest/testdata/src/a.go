package a

func f() {
	g() // want "call g" `call h\b`
	g() // want "read x"
}

func g() {}
