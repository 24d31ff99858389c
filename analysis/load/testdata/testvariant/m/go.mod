module example.com/m

go 1.22

require (
	example.com/a v0.0.0
	example.com/b v0.0.0
)

replace example.com/a => ../third/a
replace example.com/b => ../third/b
