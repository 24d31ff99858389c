module example.com/ws/trainings

go 1.22

require example.com/ws/common v0.0.0

replace example.com/ws/common => ../common
