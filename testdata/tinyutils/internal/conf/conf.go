// Package conf holds the forge's runtime configuration.
package conf

import "example.com/tinyutils/internal/conf/env"

// Config is the process configuration.
type Config struct {
	AppName  string
	Addr     string
	DSN      string
	PageSize int
	Debug    bool
}

// Load reads the configuration from FORGE_* environment variables.
func Load() Config {
	return Config{
		AppName:  env.String("FORGE_APP_NAME", "Forge"),
		Addr:     env.String("FORGE_ADDR", ":3000"),
		DSN:      env.String("FORGE_DSN", "postgres://localhost/forge"),
		PageSize: env.Int("FORGE_PAGE_SIZE", 30),
		Debug:    env.Bool("FORGE_DEBUG", false),
	}
}
