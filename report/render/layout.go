package render

import "math"

// spring is a link of the force layout: w in (0, 1], its weight as a share
// of the heaviest.
type spring struct {
	a, b int
	w    float64
}

// forceLayout places n circles of the given radii in a size × size box,
// Fruchterman–Reingold style: every pair repels, every link attracts in
// proportion to its weight, so the most coupled contexts end up nearest.
// It starts from a circle and runs a fixed number of steps with no
// randomness: the same input gives the same map.
func forceLayout(n int, springs []spring, radius []float64, size float64) [][2]float64 {
	pos := make([][2]float64, n)
	c := size / 2
	if n == 1 {
		pos[0] = [2]float64{c, c}
	}
	if n <= 1 {
		return pos
	}
	for i := range pos {
		a := 2*math.Pi*float64(i)/float64(n) - math.Pi/2
		pos[i] = [2]float64{c + c*0.8*math.Cos(a), c + c*0.8*math.Sin(a)}
	}
	// Contexts nothing links to would drift to the edge and shrink the rest
	// of the map to fit them: they sit on a shelf along the bottom instead.
	linked := make([]bool, n)
	for _, s := range springs {
		linked[s.a], linked[s.b] = true, true
	}
	var alone []int
	for i, l := range linked {
		if !l {
			alone = append(alone, i)
		}
	}
	k := 0.9 * size / math.Sqrt(float64(max(1, n-len(alone))))
	const steps = 400
	disp := make([][2]float64, n)
	for step := 0; step < steps; step++ {
		for i := range disp {
			// A pull to the centre keeps what nothing links in view.
			disp[i] = [2]float64{(c - pos[i][0]) * 0.02, (c - pos[i][1]) * 0.02}
		}
		for i := 0; i < n; i++ {
			for j := i + 1; j < n; j++ {
				if !linked[i] || !linked[j] {
					continue
				}
				dx, dy := pos[i][0]-pos[j][0], pos[i][1]-pos[j][1]
				d := math.Max(math.Hypot(dx, dy), 1)
				gap := math.Max(d-radius[i]-radius[j], 1)
				f := k * k / gap / d
				disp[i][0] += dx * f
				disp[i][1] += dy * f
				disp[j][0] -= dx * f
				disp[j][1] -= dy * f
			}
		}
		for _, s := range springs {
			dx, dy := pos[s.a][0]-pos[s.b][0], pos[s.a][1]-pos[s.b][1]
			d := math.Hypot(dx, dy)
			f := d / k * (0.05 + math.Sqrt(s.w))
			disp[s.a][0] -= dx * f
			disp[s.a][1] -= dy * f
			disp[s.b][0] += dx * f
			disp[s.b][1] += dy * f
		}
		t := size / 10 * (1 - float64(step)/steps)
		for i := range pos {
			d := math.Hypot(disp[i][0], disp[i][1])
			if d > t {
				disp[i][0], disp[i][1] = disp[i][0]/d*t, disp[i][1]/d*t
			}
			pos[i][0] += disp[i][0]
			pos[i][1] += disp[i][1]
		}
	}
	height := size
	if len(alone) > 0 {
		height = size - 70
	}
	fitBox(pos, radius, linked, size, height)
	for k, i := range alone {
		pos[i] = [2]float64{size * (float64(k) + 0.5) / float64(len(alone)), size - 40}
		radius[i] = math.Min(radius[i], 20)
	}
	separate(pos, radius, size)
	return pos
}

// fitBox scales and moves the layout to fill the box, leaving room for
// each circle and the label under it.
func fitBox(pos [][2]float64, radius []float64, linked []bool, width, height float64) {
	const margin = 20
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for i, p := range pos {
		if !linked[i] {
			continue
		}
		minX, maxX = math.Min(minX, p[0]), math.Max(maxX, p[0])
		minY, maxY = math.Min(minY, p[1]), math.Max(maxY, p[1])
	}
	rmax := 0.0
	for _, r := range radius {
		rmax = math.Max(rmax, r)
	}
	if math.IsInf(minX, 1) {
		return
	}
	innerW, innerH := width-2*(margin+rmax), height-2*(margin+rmax)
	// Stretched to the box in each direction, up to twice the other: a
	// layout is as readable a little wider, not much more.
	sx := innerW / math.Max(maxX-minX, 1)
	sy := innerH / math.Max(maxY-minY, 1)
	sx, sy = math.Min(sx, 2*sy), math.Min(sy, 2*sx)
	for i := range pos {
		pos[i][0] = margin + rmax + (pos[i][0]-minX)*sx + (innerW-(maxX-minX)*sx)/2
		pos[i][1] = margin + rmax + (pos[i][1]-minY)*sy + (innerH-(maxY-minY)*sy)/2
	}
}

// separate pushes overlapping circles apart (labels included), inside the box.
func separate(pos [][2]float64, radius []float64, size float64) {
	for pass := 0; pass < 100; pass++ {
		moved := false
		for i := range pos {
			for j := i + 1; j < len(pos); j++ {
				dx, dy := pos[j][0]-pos[i][0], pos[j][1]-pos[i][1]
				d := math.Hypot(dx, dy)
				want := radius[i] + radius[j] + 18
				if d >= want {
					continue
				}
				if d < 1e-6 {
					dx, dy, d = 1, 0, 1
				}
				push := (want - d) / 2
				pos[i][0] -= dx / d * push
				pos[i][1] -= dy / d * push
				pos[j][0] += dx / d * push
				pos[j][1] += dy / d * push
				moved = true
			}
		}
		for i := range pos {
			pos[i][0] = math.Min(math.Max(pos[i][0], radius[i]+4), size-radius[i]-4)
			pos[i][1] = math.Min(math.Max(pos[i][1], radius[i]+4), size-radius[i]-20)
		}
		if !moved {
			return
		}
	}
}
