module example.com/seams

go 1.22
