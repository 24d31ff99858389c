// Package env reads typed settings from environment variables.
package env

import (
	"os"
	"strconv"
)

// String returns the variable or def when unset.
func String(key, def string) string {
	if v, ok := os.LookupEnv(key); ok {
		return v
	}
	return def
}

// Int returns the variable parsed as an int, or def.
func Int(key string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(key)); err == nil {
		return n
	}
	return def
}

// Bool returns the variable parsed as a bool, or def.
func Bool(key string, def bool) bool {
	if b, err := strconv.ParseBool(os.Getenv(key)); err == nil {
		return b
	}
	return def
}
