module example.com/ws/common

go 1.22
