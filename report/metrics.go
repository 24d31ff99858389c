package report

import "github.com/decomp/decomp/internal/pipeline"

func globalMetrics(out *pipeline.Output) Metrics {
	return Metrics{Modularity: round(out.Result.Quality)}
}
