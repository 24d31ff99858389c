package plan

import (
	"go/token"
	"testing"

	"golang.org/x/mod/module"
)

// TestSeamNames: whatever a context is called, its seam's interface is an
// exported Go identifier and its package name a valid ASCII import path
// element.
func TestSeamNames(t *testing.T) {
	for _, tc := range []struct{ ctx, iface, pkg string }{
		{"billing", "BillingAPI", "billingseam"},
		{"order-items", "OrderItemsAPI", "orderitemsseam"},
		{"ärzte", "ÄrzteAPI", "aerzteseam"},
		{"ÄrzteService", "ÄrzteServiceAPI", "aerzteserviceseam"},
		{"文档", "X文档API", "u6587u6863seam"},
		{"3d", "P3dAPI", "p3dseam"},
		{"my seams", "MyseamsAPI", "myseamsseam"},
	} {
		iface, pkg := exportName(tc.ctx)+"API", pkgName(tc.ctx)+"seam"
		if iface != tc.iface || pkg != tc.pkg {
			t.Errorf("%q: %s, %s; want %s, %s", tc.ctx, iface, pkg, tc.iface, tc.pkg)
		}
		if !token.IsIdentifier(iface) || !token.IsExported(iface) {
			t.Errorf("%q: interface %q is not an exported identifier", tc.ctx, iface)
		}
		if err := module.CheckImportPath("example.com/m/" + pkg); err != nil || !token.IsIdentifier(pkg) {
			t.Errorf("%q: package %q: %v", tc.ctx, pkg, err)
		}
	}
}
