package service

import (
	"context"

	"github.com/uptrace/bun"

	"example.com/ormapp/models"
)

func Bun(ctx context.Context, db *bun.DB) {
	var inv []models.Invoice
	db.NewSelect().Model(&inv).Where("paid").Scan(ctx)                                             // want "read billing_invoices"
	db.NewInsert().Model(&models.LineItem{}).Exec(ctx)                                             // want "write line_items"
	db.NewUpdate().Model(&models.BunAPIKey{}).WherePK().Exec(ctx)                                  // want "write bun_api_keys"
	db.NewDelete().Model((*models.Invoice)(nil)).Where("void").Exec(ctx)                           // want "write billing_invoices"
	db.NewSelect().Table("ledger_entries").Scan(ctx, &inv)                                         // want "read ledger_entries"
	db.NewSelect().TableExpr("payouts AS p").Join("JOIN banks AS b ON b.id = p.bank_id").Scan(ctx) // want "read payouts" "read banks"
	var items []models.LineItem
	db.NewSelect().Column("id").Scan(ctx, &items)                               // want "read line_items"
	db.NewRaw("SELECT * FROM billing_invoices WHERE id = ?", 1).Scan(ctx, &inv) // want "read billing_invoices"
	db.QueryContext(ctx, "DELETE FROM line_items")                              // want "write line_items"
}
