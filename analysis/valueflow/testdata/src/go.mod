module example.com/vf

go 1.26
