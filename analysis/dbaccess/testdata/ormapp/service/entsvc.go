package service

import (
	"context"

	"example.com/ormapp/ent"
)

func Ent(ctx context.Context, client *ent.Client) error {
	users, err := client.User.Query().Where().All(ctx) // want "read ent_users"
	if err != nil {
		return err
	}
	client.User.Create().SetName("a").Save(ctx)           // want "write ent_users"
	client.User.UpdateOneID(1).Exec(ctx)                  // want "write ent_users"
	client.User.Get(ctx, 1)                               // want "read ent_users"
	client.User.Query().QueryPets().All(ctx)              // want "read ent_users" "read pets"
	client.Pet.DeleteOneID(2).Exec(ctx)                   // want "write pets"
	client.QueryContext(ctx, "SELECT count(*) FROM pets") // want "read pets"
	for _, u := range users {
		u.QueryPets().All(ctx) // want "read pets"
		u.Update().Exec(ctx)   // want "write ent_users"
	}
	return nil
}
