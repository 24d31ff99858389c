// Package tool has small request helpers.
package tool

import "strconv"

// Paginate turns a 1-based page query value into LIMIT and OFFSET.
func Paginate(pageParam string, size int) (limit, offset int) {
	page, err := strconv.Atoi(pageParam)
	if err != nil || page < 1 {
		page = 1
	}
	if size < 1 || size > 100 {
		size = 30
	}
	return size, (page - 1) * size
}
