module example.com/bigmono

go 1.22
