module github.com/go-ozzo/ozzo-dbx

go 1.26
