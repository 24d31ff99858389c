package plan_test

import "github.com/decomp/decomp/config"

func loadConfig(path string) (*config.Config, error) { return config.Load(path) }
