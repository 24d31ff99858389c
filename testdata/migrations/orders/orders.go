package orders

import "database/sql"

type Store struct{ DB *sql.DB }

func (s *Store) Name(id int) (string, error) {
	var n string
	err := s.DB.QueryRow("SELECT name FROM orders WHERE id = ?", id).Scan(&n)
	return n, err
}

func (s *Store) Rename(id int, n string) error {
	_, err := s.DB.Exec("UPDATE orders SET name = ? WHERE id = ?", n, id)
	return err
}
