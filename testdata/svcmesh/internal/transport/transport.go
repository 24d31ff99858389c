// Package transport holds the small HTTP/JSON helpers that every service
// in the mesh uses for its public routes and its RPC endpoints.
package transport

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"time"
)

// Sentinel errors that services return and that map to HTTP status codes.
var (
	ErrNotFound = errors.New("not found")
	ErrInvalid  = errors.New("invalid request")
	ErrConflict = errors.New("conflict")
)

type errorBody struct {
	Error string `json:"error"`
}

// RemoteError is returned by Client.Invoke when the peer answered non-2xx.
type RemoteError struct {
	Method  string
	Status  int
	Message string
}

func (e *RemoteError) Error() string {
	return fmt.Sprintf("rpc %s: %d %s", e.Method, e.Status, e.Message)
}

// Client posts JSON requests to /rpc/<method> on a base URL.
type Client struct {
	base string
	http *http.Client
}

// NewClient returns a client for the mesh gateway at base.
func NewClient(base string, timeout time.Duration) *Client {
	return &Client{base: base, http: &http.Client{Timeout: timeout}}
}

// Invoke sends req as JSON and decodes the answer into resp (which may be nil).
func (c *Client) Invoke(ctx context.Context, method string, req, resp any) error {
	body, err := json.Marshal(req)
	if err != nil {
		return fmt.Errorf("encode %s: %w", method, err)
	}
	httpReq, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+"/rpc/"+method, bytes.NewReader(body))
	if err != nil {
		return err
	}
	httpReq.Header.Set("Content-Type", "application/json")
	res, err := c.http.Do(httpReq)
	if err != nil {
		return fmt.Errorf("rpc %s: %w", method, err)
	}
	defer res.Body.Close()
	if res.StatusCode >= 300 {
		var eb errorBody
		_ = json.NewDecoder(res.Body).Decode(&eb)
		return &RemoteError{Method: method, Status: res.StatusCode, Message: eb.Error}
	}
	if resp == nil {
		return nil
	}
	return json.NewDecoder(res.Body).Decode(resp)
}

// WriteJSON writes v with the given status.
func WriteJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// WriteError maps err to a status code and writes it as a JSON envelope.
func WriteError(w http.ResponseWriter, err error) {
	status := http.StatusInternalServerError
	switch {
	case errors.Is(err, ErrNotFound):
		status = http.StatusNotFound
	case errors.Is(err, ErrInvalid):
		status = http.StatusBadRequest
	case errors.Is(err, ErrConflict):
		status = http.StatusConflict
	}
	WriteJSON(w, status, errorBody{Error: err.Error()})
}

// DecodeJSON reads a bounded JSON body into v.
func DecodeJSON(r *http.Request, v any) error {
	dec := json.NewDecoder(http.MaxBytesReader(nil, r.Body, 1<<20))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	return nil
}

// Handle adapts a typed RPC function to an http.Handler.
func Handle[Req, Resp any](fn func(context.Context, Req) (Resp, error)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var req Req
		if err := DecodeJSON(r, &req); err != nil {
			WriteError(w, err)
			return
		}
		resp, err := fn(r.Context(), req)
		if err != nil {
			WriteError(w, err)
			return
		}
		WriteJSON(w, http.StatusOK, resp)
	})
}
