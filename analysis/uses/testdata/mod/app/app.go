// Package app uses model's declarations.
package app

import "example.com/mod/model"

// Open makes an order.
func Open() *model.Order {
	o := &model.Order{ID: 1, Status: model.Active}
	o.Items = append(o.Items, model.Item{SKU: "x"})
	if len(o.Items) > model.MaxItems {
		return model.Registry
	}
	return o
}

// Close touches one field.
func Close(o *model.Order) { o.Status = model.Closed }
