package repositories

import "example.com/musicstream/internal/models"

// rowScanner is satisfied by *sql.Row and *sql.Rows.
type rowScanner interface {
	Scan(dest ...any) error
}

// scanAlbum reads the columns of albumColumns.
func scanAlbum(s rowScanner) (*models.Album, error) {
	var a models.Album
	err := s.Scan(&a.ID, &a.ArtistID, &a.Title, &a.UPC, &a.ReleaseDate, &a.CoverURL,
		&a.TrackCount, &a.Label, &a.Published, &a.CreatedAt, &a.UpdatedAt)
	if err != nil {
		return nil, err
	}
	return &a, nil
}
