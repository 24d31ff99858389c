// Package rpc holds a gRPC service, registered the way protoc-gen-go-grpc does.
package rpc

import "google.golang.org/grpc"

// OrdersServer is the generated service interface.
type OrdersServer interface{ Place() error }

// RegisterOrdersServer is what protoc-gen-go-grpc writes.
func RegisterOrdersServer(s grpc.ServiceRegistrar, srv OrdersServer) { s.RegisterService(nil, srv) }

// Impl implements OrdersServer.
type Impl struct{}

// Place places an order.
func (Impl) Place() error { return nil }

// Serve registers the service.
func Serve(s *grpc.Server) {
	RegisterOrdersServer(s, Impl{}) // want "grpc Orders → rpc.Impl via grpc"
}
