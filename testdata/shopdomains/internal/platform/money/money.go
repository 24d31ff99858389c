// Package money keeps amounts in integer cents so that totals, discounts and
// refunds never drift the way float arithmetic would.
package money

import (
	"errors"
	"fmt"
	"math"
)

// Cents is an amount in the smallest currency unit.
type Cents int64

// ErrOverflow is returned when an amount no longer fits in 64 bits, which for
// a shop means corrupt input rather than a real order.
var ErrOverflow = errors.New("money: amount overflows")

// String renders the amount with two decimals, e.g. "12.05" or "-0.40".
func (c Cents) String() string {
	sign := ""
	v := int64(c)
	if v < 0 {
		sign = "-"
		if v == math.MinInt64 {
			return "-92233720368547758.08"
		}
		v = -v
	}
	return fmt.Sprintf("%s%d.%02d", sign, v/100, v%100)
}

// Times multiplies a unit price by a quantity, refusing to overflow.
func (c Cents) Times(qty int) (Cents, error) {
	if qty < 0 {
		return 0, fmt.Errorf("money: negative quantity %d", qty)
	}
	if qty == 0 || c == 0 {
		return 0, nil
	}
	if int64(c) > math.MaxInt64/int64(qty) || int64(c) < math.MinInt64/int64(qty) {
		return 0, ErrOverflow
	}
	return c * Cents(qty), nil
}

// Add sums amounts, refusing to overflow.
func Add(amounts ...Cents) (Cents, error) {
	var total int64
	for _, a := range amounts {
		v := int64(a)
		if (v > 0 && total > math.MaxInt64-v) || (v < 0 && total < math.MinInt64-v) {
			return 0, ErrOverflow
		}
		total += v
	}
	return Cents(total), nil
}

// BasisPoints returns bp/10000 of the amount, rounded half away from zero,
// which is how percentage promotions are quoted to customers.
func (c Cents) BasisPoints(bp int) Cents {
	v := int64(c) * int64(bp)
	q, r := v/10000, v%10000
	if r >= 5000 {
		q++
	} else if r <= -5000 {
		q--
	}
	return Cents(q)
}

// Min returns the smaller amount; discounts are capped with it.
func Min(a, b Cents) Cents {
	if a < b {
		return a
	}
	return b
}
