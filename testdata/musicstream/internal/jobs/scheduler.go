// Package jobs holds the background workers. They run inside the API
// process on fixed intervals; several reach straight into other domains'
// tables because they were written as one-off scripts first.
package jobs

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"time"
)

// Job is one periodic task.
type Job interface {
	Name() string
	Run(ctx context.Context) error
}

// Scheduler runs jobs on fixed intervals until its context ends.
type Scheduler struct {
	log     *slog.Logger
	entries []scheduled
	wg      sync.WaitGroup
}

type scheduled struct {
	job   Job
	every time.Duration
}

// NewScheduler returns an empty scheduler.
func NewScheduler(log *slog.Logger) *Scheduler { return &Scheduler{log: log} }

// Every schedules job to run every interval, each run bounded by the same interval.
func (s *Scheduler) Every(job Job, interval time.Duration) {
	s.entries = append(s.entries, scheduled{job: job, every: interval})
}

// Start launches one goroutine per job; Wait blocks until they stop.
func (s *Scheduler) Start(ctx context.Context) {
	for _, e := range s.entries {
		s.wg.Add(1)
		go func() {
			defer s.wg.Done()
			t := time.NewTicker(e.every)
			defer t.Stop()
			for {
				select {
				case <-ctx.Done():
					return
				case <-t.C:
					s.runOnce(ctx, e)
				}
			}
		}()
	}
}

// Wait blocks until every job goroutine has returned.
func (s *Scheduler) Wait() { s.wg.Wait() }

func (s *Scheduler) runOnce(ctx context.Context, e scheduled) {
	ctx, cancel := context.WithTimeout(ctx, e.every)
	defer cancel()
	start := time.Now()
	err := func() (err error) {
		defer func() {
			if v := recover(); v != nil {
				err = fmt.Errorf("panic: %v", v)
			}
		}()
		return e.job.Run(ctx)
	}()
	if err != nil {
		s.log.Error("job failed", "job", e.job.Name(), "took", time.Since(start), "err", err)
		return
	}
	s.log.Info("job done", "job", e.job.Name(), "took", time.Since(start))
}
