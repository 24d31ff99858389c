module example.com/routesapp

go 1.22

require (
	github.com/flamego/flamego v1.9.0
	github.com/gin-gonic/gin v1.10.0
	github.com/go-chi/chi/v5 v5.1.0
	github.com/go-ozzo/ozzo-routing/v2 v2.3.0
	github.com/gorilla/mux v1.8.1
	github.com/labstack/echo/v4 v4.12.0
	google.golang.org/grpc v1.65.0
)

replace (
	github.com/flamego/flamego => ./third_party/flamego
	github.com/gin-gonic/gin => ./third_party/gin
	github.com/go-chi/chi/v5 => ./third_party/chi
	github.com/go-ozzo/ozzo-routing/v2 => ./third_party/ozzo
	github.com/gorilla/mux => ./third_party/mux
	github.com/labstack/echo/v4 => ./third_party/echo
	google.golang.org/grpc => ./third_party/grpc
)
