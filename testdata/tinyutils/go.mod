module example.com/tinyutils

go 1.22
