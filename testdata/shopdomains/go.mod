module example.com/shopdomains

go 1.24
