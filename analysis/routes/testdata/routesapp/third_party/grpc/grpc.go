// Package grpc is a stand-in for google.golang.org/grpc.
package grpc

// ServiceRegistrar registers services.
type ServiceRegistrar interface{ RegisterService(desc any, impl any) }

// Server serves.
type Server struct{}

// RegisterService registers one service.
func (s *Server) RegisterService(desc any, impl any) {}
