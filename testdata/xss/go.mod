module example.com/xss

go 1.22
