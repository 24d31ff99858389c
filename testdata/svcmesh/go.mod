module example.com/svcmesh

go 1.22
