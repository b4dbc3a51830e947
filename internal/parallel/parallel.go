// Package parallel runs independent pieces of a build on all CPUs.
package parallel

import (
	"runtime"
	"sync"
)

// Each calls f(0) … f(n-1) on GOMAXPROCS workers and waits for all of them.
// It returns the error of the lowest index that failed, so a failing build
// reports the same error every time.
func Each(n int, f func(i int) error) error {
	errs := make([]error, n)
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				errs[i] = f(i)
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
