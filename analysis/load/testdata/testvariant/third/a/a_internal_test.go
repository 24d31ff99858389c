package a

func helper() int { return 1 }
